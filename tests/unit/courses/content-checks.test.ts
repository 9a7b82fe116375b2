import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync, rmSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentProblems, contentRoot, courseSources } from './content-files'

// The content test must fail for each kind of mistake an editor can make; here each is made on a copy.
const course = 'pay-by-phone-safely'
let root = ''
function copy() {
  root = mkdtempSync(join(tmpdir(), 'courses-'))
  mkdirSync(join(root, course))
  cpSync(join(contentRoot, course), join(root, course), { recursive: true })
  return join(root, course)
}
const edit = (file: string, change: (s: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')))
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('the content checks', () => {
  it('pass on the real course', () => {
    copy()
    expect(contentProblems(courseSources(root))).toEqual([])
  })

  it('name a missing translation', () => {
    const dir = copy()
    rmSync(join(dir, readdirSync(dir).find(f => f.endsWith('.en.md'))!))
    expect(contentProblems(courseSources(root)).join('\n')).toMatch(/01-scan-to-pay\.en\.md: missing translation/)
  })

  it('name a zh step over 80 characters, with file and step', () => {
    const dir = copy()
    edit(join(dir, '01-scan-to-pay.zh-CN.md'), s => s.replace('## 先看收款人\n', `## 先看收款人\n${'很长的话'.repeat(21)}`))
    expect(contentProblems(courseSources(root)).join('\n')).toMatch(/01-scan-to-pay\.zh-CN\.md: step 2 "先看收款人": text: \d+ characters, at most 80/)
  })

  it('name a different answer index, a missing step, a city tag and a simulation that differ', () => {
    const dir = copy()
    edit(join(dir, '01-scan-to-pay.en.md'), s => s.replace('answer: 1', 'answer: 2').replace('::course-simulation{name="scan-pay"}', '::course-simulation{name="ride-hailing"}'))
    edit(join(dir, '03-verification-codes.en.md'), s => s.replace('## Where to learn [huludao]', '## Where to learn'))
    edit(join(dir, '02-payment-password.en.md'), s => s.replace(/## If you forget it[\s\S]*$/, ''))
    const problems = contentProblems(courseSources(root)).join('\n')
    expect(problems).toMatch(/01-scan-to-pay\.en\.md: check\.0\.answer: 2, zh-CN has 1/)
    expect(problems).toMatch(/01-scan-to-pay\.en\.md: step 5 .*simulation: ride-hailing, zh-CN has scan-pay/)
    expect(problems).toMatch(/03-verification-codes\.en\.md: step 7 .*city tag: \[\], zh-CN has \[huludao\]/)
    expect(problems).toMatch(/02-payment-password\.en\.md: steps: 4, but the zh-CN file has 5/)
  })

  it('name a schema problem by field, an unknown simulation and broken or outside links', () => {
    const dir = copy()
    edit(join(dir, 'course.yml'), s => s.replace('level: first-steps', 'level: expert'))
    edit(join(dir, '02-payment-password.zh-CN.md'), s => s.replace('minutes: 6', 'minutes: lots').replace('## 不用好猜的数字\n', '## 不用好猜的数字\n看[这课](/courses/pay-by-phone-safely/no-such)和[网站](https://example.com)。\n'))
    edit(join(dir, '01-scan-to-pay.zh-CN.md'), s => s.replace('name="scan-pay"', 'name="scan-pey"'))
    const problems = contentProblems(courseSources(root)).join('\n')
    expect(problems).toMatch(/course\.yml: level: /)
    expect(problems).toMatch(/02-payment-password\.zh-CN\.md: minutes: /)
    expect(problems).toMatch(/link \/courses\/pay-by-phone-safely\/no-such: no such lesson/)
    expect(problems).toMatch(/link https:\/\/example\.com: only links to the portal's own pages/)
    expect(problems).toMatch(/01-scan-to-pay\.zh-CN\.md: step 5 .*simulation: unknown name "scan-pey"/)
  })
})
