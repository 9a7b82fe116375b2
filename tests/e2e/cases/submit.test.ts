import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { creditCodeCheckChar } from '#shared/cases/credit-code'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

const first17 = '91120101MA06K3L2P'
const creditCode = first17 + creditCodeCheckChar(first17)!
const wrongCode = first17 + (creditCode.endsWith('0') ? '1' : '0')

const picture = (r: number, g: number, b: number) =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r, g, b } } }).jpeg({ quality: 80 }).toBuffer()

const fitsWidth = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

async function upload(page: Page, name: string, buffer: Buffer, alt: string, count: number) {
  await page.locator('#case-image-file').setInputFiles({ name, mimeType: 'image/jpeg', buffer })
  await page.fill('#case-image-alt', alt)
  await page.getByRole('button', { name: '上传图片' }).click()
  await page.locator('.case-images-editor__list > li').nth(count - 1).waitFor()
}

describe('entering a case for the open call', () => {
  it('verifies the number, makes a draft, fills every field with two pictures, keeps it on the device, hands it in and shows the state (zh-CN elder, 360 px)', async () => {
    const context = await contextFor(browser, baseURL, { lang: 'zh-CN', elder: true }, { width: 360, height: 800 })
    try {
      const page = await context.newPage()
      await page.goto(new URL('/cases/calls/week-case-call/submit', baseURL).href)
      await hydrated(page)
      await page.fill('#verify-phone', '13955557777')
      await page.getByRole('button', { name: '发送验证码' }).click()
      await page.locator('#verify-code').waitFor()
      const code = /\d{6}/.exec(await page.getByText('演示环境').locator('..').textContent() ?? '')![0]
      await page.fill('#verify-code', code)
      await page.getByRole('button', { name: '确认', exact: true }).click()
      await page.locator('#case-new-title').waitFor()
      // Too short a title is refused, and the contact typed stays.
      await page.fill('#case-new-title', '短')
      await page.fill('#case-new-contact', '王老师')
      await page.getByRole('button', { name: '开始填写' }).click()
      await page.locator('#case-new-title-error').waitFor()
      expect(await page.inputValue('#case-new-contact')).toBe('王老师')
      await page.fill('#case-new-title', '社区智慧助老服务站')
      await page.getByRole('button', { name: '开始填写' }).click()
      const editCode = (await page.locator('#case-edit-code').textContent())!.trim()
      expect(editCode).toMatch(/^[A-Z0-9]{8}$/)
      await fitsWidth(page)
      await page.getByRole('link', { name: '我已经记下了，接着填写' }).click()
      await page.waitForURL(/\/cases\/submissions\/[0-9a-f-]+\?code=/)
      const submissionUrl = page.url()
      await page.locator('#case-organisation').waitFor()
      await hydrated(page)

      await page.fill('#case-organisation', '示例区信息服务中心（演示）')
      // A credit code whose check character is wrong is caught in the browser.
      await page.fill('#case-credit-code', wrongCode)
      await page.locator('#case-contact').focus()
      await page.locator('#case-credit-code-error').waitFor()
      await page.fill('#case-credit-code', creditCode.toLowerCase())
      await page.selectOption('#case-district', { index: 1 })
      await page.selectOption('#case-theme', 'public-services')
      await page.fill('#case-summary', '在社区服务站教老年人用手机挂号、缴费和视频通话，每周三次，有志愿者一对一陪着练。')
      await expect(page.locator('.case-count').textContent()).resolves.toContain('已写')
      await page.fill('#case-description', '## 为什么做\n\n社区里很多老人不会用手机办事。\n\n## 怎么做\n\n- 每周三次课\n- 志愿者一对一\n\n一年下来，来学的老人大多能自己在手机上挂号、缴费。')
      await page.getByRole('button', { name: '再加一项' }).click()
      await page.fill('#case-outcome-0-label', '服务老人')
      await page.fill('#case-outcome-0-value', '1200')
      await page.fill('#case-outcome-0-unit', '人次')
      await page.getByRole('button', { name: '再加一项' }).click()
      await page.fill('#case-outcome-1-label', '志愿者')
      await page.fill('#case-outcome-1-value', '35')
      await page.fill('#case-outcome-1-unit', '名')
      await fitsWidth(page)

      // An image without its alt text is refused before it is sent.
      await page.locator('#case-image-file').setInputFiles({ name: 'a.jpg', mimeType: 'image/jpeg', buffer: await picture(200, 80, 60) })
      await page.getByRole('button', { name: '上传图片' }).click()
      await page.locator('#case-image-alt-error').waitFor()
      await upload(page, 'class.jpg', await picture(200, 80, 60), '志愿者在服务站教老人用手机挂号', 1)
      await upload(page, 'help.jpg', await picture(40, 120, 90), '老人自己在手机上缴水电费', 2)
      await page.getByRole('button', { name: '保存草稿' }).click()
      await page.locator('#case-form-said:text("草稿已保存")').waitFor()

      // Typed but not saved: the device keeps it, and offers it back after a reload.
      await page.fill('#case-summary', '在社区服务站教老年人用手机挂号、缴费和视频通话，每周三次，有志愿者一对一陪着练，还发了大字版的说明。')
      await page.goto(submissionUrl)
      await hydrated(page)
      await page.getByRole('button', { name: '恢复这份内容' }).click()
      expect(await page.inputValue('#case-summary')).toContain('大字版')
      expect(await page.inputValue('#case-credit-code')).toBe(creditCode)
      expect(await page.locator('.case-images-editor__list > li').count()).toBe(2)

      await page.getByRole('button', { name: '提交申报' }).click()
      await page.locator('#case-form-said:text("申报已提交")').waitFor()
      await expect(page.locator('#case-status-title ~ .case-status__state').textContent()).resolves.toContain('已提交')
      await fitsWidth(page)

      // The edit code opens it again from this tab without the link.
      await page.goto(submissionUrl.split('?')[0]!)
      await hydrated(page)
      await expect(page.locator('.case-status__state').textContent()).resolves.toContain('已提交')
    }
    finally {
      await context.close()
    }
  })
})
