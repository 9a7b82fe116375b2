import type { H3Event } from 'h3'
import { createStorage } from 'unstorage'
import { describe, expect, it, vi } from 'vitest'

// The limiter on Nitro's default memory mount; the client address is set per test.
let ip = ''
const storage = createStorage()
vi.mock('nitropack/runtime', () => ({ useStorage: () => storage }))
vi.mock('h3', async original => ({ ...await original<typeof import('h3')>(), getRequestIP: () => ip, setResponseHeader: () => {} }))
const { claimLoginAttempt, clearLoginFailures } = await import('~~/server/accounts/login-throttle')
const { consume, isLimited } = await import('~~/server/utils/rate-limit')
const { loginLimits } = await import('~~/server/accounts/login-throttle')

/** A request as the limiter reads it (the address comes from the mocked getRequestIP). */
const request = () => ({ context: {}, node: { req: {} } }) as unknown as H3Event
const hashTime = () => new Promise(r => setTimeout(r, 20))
const status = (error: unknown) => (error as { statusCode: number }).statusCode

/** A sign-in as login.post.ts does it: claim, then the (slow) hash check. */
async function signIn(email: string, right: boolean, checked: { count: number }) {
  try {
    await claimLoginAttempt(request(), email)
  }
  catch (error) {
    return status(error)
  }
  checked.count++
  await hashTime()
  if (!right) return 401
  await clearLoginFailures(email)
  return 200
}

describe('sign-in lock-out', () => {
  it('checks at most 5 of 20 concurrent wrong passwords', async () => {
    ip = '10.1.0.1'
    const checked = { count: 0 }
    const answers = await Promise.all(Array.from({ length: 20 }, () => signIn('burst@example.org', false, checked)))
    expect(checked.count).toBe(5)
    expect(answers.filter(a => a === 401)).toHaveLength(5)
    expect(answers.filter(a => a === 429)).toHaveLength(15)
  })

  it('control: checking the lock before the hash and counting the failure after it checks the whole burst', async () => {
    ip = '10.1.0.2'
    const checked = { count: 0 }
    const racy = async () => {
      if (await isLimited(loginLimits.account, 'racy@example.org')) return 429
      checked.count++
      await hashTime()
      await consume(loginLimits.account, 'racy@example.org')
      return 401
    }
    await Promise.all(Array.from({ length: 20 }, racy))
    expect(checked.count).toBe(20)
  })

  it('refuses the right password sent with 15 wrong ones', async () => {
    ip = '10.1.0.3'
    const checked = { count: 0 }
    const answers = await Promise.all([...Array.from({ length: 15 }, () => signIn('mixed@example.org', false, checked)), signIn('mixed@example.org', true, checked)])
    expect(answers.at(-1)).toBe(429)
    expect(checked.count).toBe(5)
  })

  it('clears the failures on a right password while not locked', async () => {
    ip = '10.1.0.4'
    const checked = { count: 0 }
    for (let i = 0; i < 4; i++) expect(await signIn('clear@example.org', false, checked)).toBe(401)
    expect(await signIn('clear@example.org', true, checked)).toBe(200)
    for (let i = 0; i < 5; i++) expect(await signIn('clear@example.org', false, checked)).toBe(401)
    expect(await signIn('clear@example.org', true, checked)).toBe(429)
  })
})
