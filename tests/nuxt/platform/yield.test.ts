import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NuxtApp } from '#app'
import yieldBeforePayload from '~/plugins/yield-before-payload.client'
import yieldPlugin from '~/plugins/yield.client'

type Hook = () => Promise<void>

/** Resolves once every queued microtask has run, without letting a timer fire. */
const microtasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

const orderOf = (plugin: unknown) => (plugin as { order: number }).order

describe('start-up yields (plugins/yield*.client.ts)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('run before the payload is revived, and again before the head and router are set up', () => {
    // Nuxt's payload reviver has order -30, its head and router plugins -20.
    expect(orderOf(yieldBeforePayload)).toBeLessThan(-30)
    expect(orderOf(yieldPlugin)).toBeGreaterThan(-30)
    expect(orderOf(yieldPlugin)).toBeLessThan(-20)
  })

  it('the first hands the main thread back before the payload is revived', async () => {
    vi.useFakeTimers()
    let done = false
    const plugin = (yieldBeforePayload as unknown as (app: NuxtApp) => Promise<unknown>)({} as NuxtApp).then(() => (done = true))
    await microtasks()
    expect(done).toBe(false)
    await vi.advanceTimersToNextTimerAsync()
    await plugin
    expect(done).toBe(true)
  })

  it('hands the main thread back to the browser, in a new task, before the next plugin and before hydration', async () => {
    vi.useFakeTimers()
    const hooks: Record<string, Hook> = {}
    const nuxtApp = { hook: (name: string, fn: Hook) => (hooks[name] = fn) } as unknown as NuxtApp

    let pluginDone = false
    const plugin = (yieldPlugin as unknown as (app: NuxtApp) => Promise<unknown>)(nuxtApp).then(() => (pluginDone = true))
    await microtasks()
    expect(pluginDone).toBe(false)
    await vi.advanceTimersToNextTimerAsync()
    await plugin
    expect(pluginDone).toBe(true)

    expect(hooks['app:beforeMount']).toBeTypeOf('function')
    let mountMayStart = false
    const beforeMount = hooks['app:beforeMount']!().then(() => (mountMayStart = true))
    await microtasks()
    expect(mountMayStart).toBe(false)
    await vi.advanceTimersToNextTimerAsync()
    await beforeMount
    expect(mountMayStart).toBe(true)
  })
})
