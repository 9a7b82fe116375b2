import { describe, expect, it } from 'vitest'
import { demoAccountsWanted } from '~~/server/utils/config'

describe('demo accounts', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x' }, false],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x', PORTAL_DEMO: '1' }, true],
    [{ DATABASE_URL: 'postgres://x' }, true],
    [{ PORTAL_DEMO: '0' }, false],
  ])('%o → %s', (env, wanted) => {
    expect(demoAccountsWanted(env)).toBe(wanted)
  })
})
