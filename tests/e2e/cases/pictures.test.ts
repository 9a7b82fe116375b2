import { randomInt } from 'node:crypto'
import sharp from 'sharp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { creditCodeCheckChar } from '#shared/cases/credit-code'
import { dictionaries } from '#shared/i18n/dictionaries'
import { contextFor, launchBrowser } from '~~/tests/support/browser'
import { ApiClient } from '~~/tests/support/session'
import { hydrated } from '../helpers'

const baseURL = inject('baseURL')
const admin = new ApiClient(baseURL)
const reviewer = new ApiClient(baseURL)
const visitor = new ApiClient(baseURL)
const first17 = '91120101MA05CR8X2'
const review = (note: string) => ({ exemplary: { score: 4, comment: `示范性：${note}` }, innovative: { score: 4, comment: `创新性：${note}` }, replicable: { score: 4, comment: `可推广性：${note}` } })

/** A picture no other test draws: the same bytes elsewhere would share its files (they are stored by content hash). */
const uniquePicture = (width = 640, height = 400) => sharp({ create: { width, height, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } })
  .composite([{ input: { create: { width: 40, height: 40, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } }, left: randomInt(width - 40), top: randomInt(height - 40) }])
  .png().toBuffer()

async function upload(id: string, bytes: Buffer, alt: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'picture.png')
  form.append('alt', alt)
  const res = await fetch(`${baseURL}/api/case-submissions/${id}/images`, { method: 'POST', body: form, headers: { cookie: admin.cookie } })
  return { status: res.status, json: await res.json() }
}

/** A draft started by an admin (a staff session needs no verified number). */
async function draftWithCode(title: string): Promise<{ id: string, code: string }> {
  const created = await admin.post('/api/case-calls/week-case-call/submissions', { contactPhone: '13912340000', contactName: '图片测试', title })
  expect(created.status).toBe(201)
  return { id: created.json.id, code: created.json.editCode }
}
const draft = async (title: string) => (await draftWithCode(title)).id

/** Handed in, reviewed by the demo reviewer 甲, shortlisted and published: its slug. */
async function publish(id: string): Promise<string> {
  const handedIn = await admin.request('PATCH', `/api/case-submissions/${id}`, {
    organisationName: '示例图片服务中心', creditCode: first17 + creditCodeCheckChar(first17), district: 'heping', theme: 'daily-life',
    summary: '在社区设点，手把手教老年人用手机缴费、挂号和识别诈骗电话。', description: '每周两次，由志愿者一对一教老年人使用手机办理常用事务，课后发大字版手册。'.repeat(2),
    outcomes: [{ label: '服务老人', value: 300, unit: '人次' }], submit: true,
  })
  expect(handedIn.status, handedIn.text).toBe(200)
  const options = (await admin.get(`/api/admin/cases/${id}/reviewers`)).json.items as { id: string, name: string }[]
  const jia = options.find(o => /^评审专家甲/.test(o.name))!
  expect((await admin.request('PUT', `/api/admin/cases/${id}/reviewers`, { reviewerIds: [jia.id] })).status).toBe(200)
  expect((await reviewer.request('PUT', `/api/organizer/cases/${id}/review`, review('做法清楚'))).status).toBe(200)
  expect((await admin.post(`/api/admin/cases/${id}/status`, { status: 'shortlisted' })).json.status).toBe('shortlisted')
  const published = await admin.post(`/api/admin/cases/${id}/status`, { status: 'published' })
  expect(published.json.status).toBe('published')
  return published.json.slug
}

const fileOf = (url: string) => url.split('?')[0]!
const get = (url: string, headers: Record<string, string> = {}) => fetch(`${baseURL}${url}`, { headers })
const head = (url: string) => fetch(`${baseURL}${url}`, { method: 'HEAD' })

let caseId = ''
let slug = ''
let grantedSrc = ''

beforeAll(async () => {
  await admin.login('admin@demo.local')
  await reviewer.login('reviewer@demo.local')
})

describe('a case\'s pictures', () => {
  it('are the submitter\'s and staff\'s alone while the case is a draft: the URLs they are given carry a grant, kept by no cache', async () => {
    caseId = await draft('图片访问测试案例（示例）')
    const uploaded = await upload(caseId, await uniquePicture(), '社区活动现场的示例图片')
    expect(uploaded.status).toBe(201)
    grantedSrc = uploaded.json.src
    expect(grantedSrc).toMatch(/\?until=\d+&sig=[a-f0-9]{32}$/)
    const granted = await get(grantedSrc)
    expect(granted.status).toBe(200)
    expect(granted.headers.get('cache-control')).toBe('private, no-store')
    expect((await sharp(Buffer.from(await granted.arrayBuffer())).metadata()).format).toBe('jpeg')
    // The same file without the grant, or with a forged one: as if there were none.
    expect((await get(fileOf(grantedSrc))).status).toBe(404)
    expect((await get(grantedSrc.replace(/sig=[a-f0-9]{2}/, 'sig=zz'))).status).toBe(400)
    expect((await get(grantedSrc.replace(/sig=([a-f0-9])/, (_, c: string) => `sig=${c === 'a' ? 'b' : 'a'}`))).status).toBe(404)
    expect((await get(fileOf(grantedSrc))).headers.get('content-type')).toMatch(/json/)
  })

  it('are public once the case is published: kept 5 minutes and revalidated, not a year as immutable; HEAD answers like GET', async () => {
    slug = await publish(caseId)
    const shown = (await visitor.get(`/api/cases/${slug}`)).json
    const src = shown.images[0].src as string
    expect(src).not.toContain('?')
    expect(fileOf(src)).toBe(fileOf(grantedSrc))
    const res = await get(src)
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate')
    expect(res.headers.get('cache-control')).not.toMatch(/immutable|31536000/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const etag = res.headers.get('etag')!
    expect(etag).toBe(`"${src.split('/').at(-1)}"`)
    const again = await get(src, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect((await again.arrayBuffer()).byteLength).toBe(0)
    expect((await get(src, { 'if-none-match': '"something-else"' })).status).toBe(200)

    const headed = await head(src)
    expect(headed.status).toBe(200)
    expect(headed.headers.get('content-type')).toBe('image/jpeg')
    expect(Number(headed.headers.get('content-length'))).toBe(bytes.byteLength)
    expect(headed.headers.get('cache-control')).toBe(res.headers.get('cache-control'))
    expect((await headed.arrayBuffer()).byteLength).toBe(0)
    expect((await head(`/api/cases/images/${'0'.repeat(32)}-480.jpg`)).status).toBe(404)
    expect((await fetch(`${baseURL}${src}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'origin': baseURL }, body: '{}' })).status).toBeGreaterThanOrEqual(400)
  })

  it('stop being served to the public when the case is hidden, and come back when it is restored; staff still see them', async () => {
    const src = (await visitor.get(`/api/cases/${slug}`)).json.images[0].src as string
    expect((await admin.post(`/api/admin/cases/${caseId}/visibility`, { hidden: true, reason: '图片里有人脸，核实期间暂不展示' })).json.hidden).toBe(true)
    expect((await get(src)).status).toBe(404)
    expect((await head(src)).status).toBe(404)
    // A revalidation with the old ETag is refused too, not answered 304.
    expect((await get(src, { 'if-none-match': `"${src.split('/').at(-1)}"` })).status).toBe(404)
    // The control: the file is still there, and the admin's view of the case shows it.
    const staffSrc = (await admin.get(`/api/admin/cases/${caseId}`)).json.images[0].src as string
    expect(staffSrc).toMatch(/\?until=/)
    const staff = await get(staffSrc)
    expect(staff.status).toBe(200)
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
    const reviewerSrc = (await reviewer.get(`/api/organizer/cases/${caseId}`)).json.images[0].src as string
    expect((await get(reviewerSrc)).status).toBe(200)
    expect((await admin.post(`/api/admin/cases/${caseId}/visibility`, { hidden: false, reason: '核实无误，恢复展示' })).json.hidden).toBe(false)
    expect((await get(src)).status).toBe(200)
  })

  it('can be taken down one at a time by an admin, with a reason, audited: the files stop being served', async () => {
    const view = (await admin.get(`/api/admin/cases/${caseId}`)).json
    const image = view.images[0] as { id: string, src: string }
    const publicSrc = fileOf(image.src)
    expect((await get(publicSrc)).status).toBe(200)
    const url = `/api/admin/cases/${caseId}/images/${image.id}/takedown`
    const noReason = await admin.post(url, {})
    expect(noReason.status).toBe(422)
    expect(Object.keys(noReason.json.data.fieldErrors)).toEqual(['reason'])
    expect((await reviewer.post(url, { reason: '评审不能撤图片' })).status).toBe(403)
    expect((await visitor.post(url, { reason: '路人不能撤图片' })).status).toBe(401)
    expect((await admin.post(`/api/admin/cases/${caseId}/images/${crypto.randomUUID()}/takedown`, { reason: '没有这张图片' })).status).toBe(404)
    const done = await admin.post(url, { reason: '举报：图片里能看清老人的脸' })
    expect(done.status).toBe(200)
    expect(done.json.images.map((i: { id: string }) => i.id)).not.toContain(image.id)
    expect((await visitor.get(`/api/cases/${slug}`)).json.images).toEqual([])
    expect((await get(publicSrc)).status).toBe(404)
    // Gone for good: not even the grant the admin was given brings it back.
    expect((await get(image.src)).status).toBe(404)
    const audit = (await admin.get('/api/admin/audit?action=case.image.takedown')).json.items
    expect(audit.find((a: { targetId: string }) => a.targetId === caseId)).toMatchObject({ action: 'case.image.takedown', reason: '举报：图片里能看清老人的脸', details: { image: image.id } })
    expect((await admin.post(url, { reason: '再撤一次同一张' })).status).toBe(404)
  })
})

describe('a picture sharp cannot encode', () => {
  it('is a 422 that tells the submitter the limit in pixels (200×17000 PNG, within every stated limit), in both languages on the form', async () => {
    const id = await draft('超长图片测试案例（示例）')
    const tall = await sharp({ create: { width: 200, height: 17_000, channels: 3, background: '#5a8' } }).png().toBuffer()
    expect(tall.byteLength).toBeLessThan(8 * 1024 * 1024)
    const refused = await upload(id, tall, '一张很长的示例图片')
    expect(refused.status).toBe(422)
    expect(refused.json.data.reason).toBe('too-long')
    expect(refused.json.data.fieldErrors.file[0]).toMatch(/at most 16383 pixels/)
    for (const lang of ['zh-CN', 'en'] as const) {
      const images = (dictionaries[lang].cases as { cases: { images: Record<string, string> } }).cases.images
      expect(images.tooLong).toContain('{{max}}')
      expect(images.tooLong).not.toBe(images.corrupt)
    }
    expect((await upload(id, await uniquePicture(), '一张正常的示例图片')).status).toBe(201)
  }, 60_000)
})

describe('in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('takes the chosen picture down with its reason, in Chinese and in English', async () => {
    const id = await draft('撤图测试案例（示例）')
    expect((await upload(id, await uniquePicture(), '第一张：活动合影')).status).toBe(201)
    expect((await upload(id, await uniquePicture(), '第二张：讲课现场')).status).toBe(201)
    const [name, value] = admin.cookie.split(/=(.*)/s) as [string, string]
    for (const [lang, alt] of [['zh-CN', '第二张：讲课现场'], ['en', '第一张：活动合影']] as const) {
      const texts = (dictionaries[lang]['cases-organizer'] as { casesOrganizer: { takedown: Record<string, string> } }).casesOrganizer.takedown
      const context = await contextFor(browser, baseURL, { lang, elder: false })
      await context.addCookies([{ name, value, url: baseURL }])
      try {
        const page = await context.newPage()
        await page.goto(new URL(`/admin/cases/${id}`, baseURL).href)
        await hydrated(page)
        const section = page.locator('section[aria-labelledby="takedown-title"]')
        expect(await section.locator('h2').textContent()).toContain(texts.title)
        // Sent without a choice or a reason: both are asked for, nothing is taken down.
        await section.getByRole('button', { name: texts.submit }).click()
        await section.locator('#takedown-reason-error').waitFor()
        expect(await section.locator('#takedown-image-error').textContent()).toContain(texts.imageNeeded)
        await section.getByLabel(alt, { exact: false }).check()
        await section.locator('#takedown-reason').fill('举报：图片里有个人信息')
        await section.getByRole('button', { name: texts.submit }).click()
        await expect.poll(() => section.locator('[role="status"]').textContent()).toContain(texts.done)
        expect(await section.getByLabel(alt, { exact: false }).count()).toBe(0)
      }
      finally {
        await context.close()
      }
    }
    expect((await admin.get(`/api/admin/cases/${id}`)).json.images).toEqual([])
    const audit = (await admin.get('/api/admin/audit?action=case.image.takedown')).json.items.filter((a: { targetId: string }) => a.targetId === id)
    expect(audit).toHaveLength(2)
  }, 90_000)

  it('shows the submitter their draft\'s pictures through the grant, and a picture too long for WebP as a message with the limit, in Chinese and in English', async () => {
    const { id, code } = await draftWithCode('超长图片表单测试（示例）')
    expect((await upload(id, await uniquePicture(), '已经传上的示例图片')).status).toBe(201)
    const tall = await sharp({ create: { width: 200, height: 17_000, channels: 3, background: '#5a8' } }).png().toBuffer()
    for (const lang of ['zh-CN', 'en'] as const) {
      const images = (dictionaries[lang].cases as { cases: { images: Record<string, string> } }).cases.images
      const context = await contextFor(browser, baseURL, { lang, elder: false })
      try {
        const page = await context.newPage()
        await page.goto(new URL(`/cases/submissions/${id}?code=${code}`, baseURL).href)
        await hydrated(page)
        // The draft's picture is not public: it loads only through the grant in its URL.
        const shown = page.locator('.case-images-editor__list img').first()
        await shown.scrollIntoViewIfNeeded()
        await expect.poll(() => shown.evaluate(img => (img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0)).toBeGreaterThan(0)
        expect(await shown.getAttribute('src')).toMatch(/\?until=\d+&sig=/)
        await page.locator('#case-image-file').setInputFiles({ name: 'long.png', mimeType: 'image/png', buffer: tall })
        await page.fill('#case-image-alt', '一张很长很长的示例图片')
        await page.getByRole('button', { name: images.upload, exact: true }).click()
        const message = images.tooLong!.replace('{{max}}', '16383')
        await expect.poll(() => page.locator('#case-images').textContent()).toContain(message)
        expect(await page.locator('#case-images').textContent()).not.toContain(images.corrupt)
      }
      finally {
        await context.close()
      }
    }
  }, 90_000)
})
