import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NuxtApp } from '#app'
import yieldPlugin from '~/plugins/yield.client'

type Hook = () => Promise<void>

/** Resolves once every queued microtask has run, without letting a timer fire. */
const microtasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

describe('start-up yields (plugins/yield.client.ts)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs after the payload is revived and before the head and router are set up', () => {
    const order = (yieldPlugin as unknown as { order: number }).order
    expect(order).toBeGreaterThan(-30)
    expect(order).toBeLessThan(-20)
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
