// test-clock: the dates below are the checker's own examples, read as text.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const YEAR = 365 * 86_400_000

/**
 * A test keeps its own time when it fakes the clock (vi.useFakeTimers / vi.setSystemTime), moves a
 * server's (PORTAL_TEST_CLOCK_SHIFT), or says with a `// test-clock:` line that its dates are inputs
 * to code that takes the time as an argument. The last is not enough in tests/e2e: a running server
 * reads the real clock.
 */
function setsClock(path: string, text: string): boolean {
  if (/vi\.(useFakeTimers|setSystemTime)\(|PORTAL_TEST_CLOCK_SHIFT/.test(text)) return true
  return !path.startsWith('tests/e2e/') && /^\s*\/\/ test-clock: \S/m.test(text)
}

/** Real calendar dates written in the text within a year of `now` (2026-02-30 and the like are not dates). */
export function datesNear(text: string, now: number): string[] {
  return [...text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)].map(m => m[0]).filter((date) => {
    const at = Date.parse(`${date}T00:00:00Z`)
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(date) && Math.abs(at - now) < YEAR
  })
}

export function clockProblems(path: string, text: string, now: number): string[] {
  const near = datesNear(text, now)
  return near.length && !setsClock(path, text) ? [`${path}: ${[...new Set(near)].join(', ')}`] : []
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? testFiles(path) : /\.(ts|mjs)$/.test(name) ? [path] : []
  })
}

describe('tests do not expire', () => {
  it('no test writes a date within a year of today without keeping its own clock', () => {
    const problems = testFiles(join(root, 'tests')).flatMap(file => clockProblems(relative(root, file), readFileSync(file, 'utf8'), Date.now()))
    expect(problems).toEqual([])
  })

  it('catches a test that would expire, in unit and e2e tests alike (the control)', () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const body = `expect(contest.opensAt).toBe('${soon}T09:00:00+08:00')`
    expect(clockProblems('tests/e2e/contest/api.test.ts', body, Date.now())).toHaveLength(1)
    expect(clockProblems('tests/unit/contest/state.test.ts', body, Date.now())).toHaveLength(1)
    expect(clockProblems('tests/e2e/contest/api.test.ts', `// test-clock: inputs\n${body}`, Date.now())).toHaveLength(1)
    expect(clockProblems('tests/unit/contest/state.test.ts', `// test-clock: inputs\n${body}`, Date.now())).toEqual([])
    expect(clockProblems('tests/unit/contest/state.test.ts', `vi.setSystemTime(new Date('${soon}'))\n${body}`, Date.now())).toEqual([])
  })

  it('reads only real dates near today', () => {
    const now = Date.parse('2026-12-07T00:00:00Z')
    expect(datesNear(`'2026-02-30' '2026-13-01' '2020-03-01' '2027-12-31' 12026-12-07 '2026-12-08T10:00Z' '2026-06-01'`, now)).toEqual(['2026-12-08', '2026-06-01'])
  })
})
