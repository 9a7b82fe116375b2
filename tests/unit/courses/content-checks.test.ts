import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync, rmSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { contentProblems, contentRoot, courseSources, MAX_SENTENCE } from './content-files'
import { sentenceLength, sentencesOf } from '~~/tests/support/resident-words'

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

  it('name 你 outside quoted speech, in a step and in a check, and let a scammer\'s quoted 你 stand', () => {
    const dir = copy()
    edit(join(dir, '01-scan-to-pay.zh-CN.md'), s => s
      .replace('看一看是不是这家店。', '你看一看是不是这家店。')
      .replace('explain: 收款人不对就不要付。', 'explain: 收款人不对，你就不要付。')
      .replace('## 再看金额\n', '## 再看金额\n骗子会说“你的码过期了”。\n'))
    const problems = contentProblems(courseSources(root))
    expect(problems.join('\n')).toMatch(/01-scan-to-pay\.zh-CN\.md: step 2 "先看收款人": text: 你 outside quoted speech/)
    expect(problems.join('\n')).toMatch(/01-scan-to-pay\.zh-CN\.md: check\.0\.explain: 你 outside quoted speech/)
    expect(problems.filter(p => p.includes('你的码过期了'))).toEqual([])
    expect(problems).toHaveLength(2)
  })

  it(`name a zh sentence over ${MAX_SENTENCE} characters in a step, a summary or a check, and only those`, () => {
    const dir = copy()
    edit(join(dir, '01-scan-to-pay.zh-CN.md'), s => s
      .replace('扫码后，手机会显示收款人的名字。', '扫码后，手机会显示收款人的名字，您要仔细地看一看是不是这家店。')
      .replace('  - 再看金额对不对，特别是小数点。', '  - 再看金额对不对，特别是小数点，一位也不能看错了，看错就多付。')
      .replace('explain: 先看收款人和金额，两样都对了，再输入密码。', 'explain: 先看收款人和金额，两样都对了以后再输入密码，这样才会比较安全。'))
    const problems = contentProblems(courseSources(root))
    expect(problems.join('\n')).toMatch(new RegExp(`step 2 "先看收款人": text: a sentence over ${MAX_SENTENCE} characters: "扫码后，手机会显示收款人的名字，您要仔细地看一看是不是这家店"`))
    expect(problems.join('\n')).toMatch(/01-scan-to-pay\.zh-CN\.md: summary\.1: a sentence over/)
    expect(problems.join('\n')).toMatch(/01-scan-to-pay\.zh-CN\.md: check\.1\.explain: a sentence over/)
    expect(problems).toHaveLength(3)
  })

  it('count a sentence as a reader reads it: 汉字, letters and digits, not punctuation or Markdown marks', () => {
    expect(sentencesOf('看清收款人。**名字不对，就不要付！**\n- 列表一项')).toEqual(['看清收款人', '名字不对，就不要付', '列表一项'])
    expect(sentenceLength('打12345问，“好”')).toBe(8)
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
