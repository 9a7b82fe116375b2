import sharp from 'sharp'
import { describe, expect, inject, it } from 'vitest'
import { ApiClient } from '~~/tests/support/session'

const baseURL = inject('baseURL')
const resident = new ApiClient(baseURL)
const admin = new ApiClient(baseURL)
const reviewer = new ApiClient(baseURL)
const reviewer2 = new ApiClient(baseURL)
const organizer = new ApiClient(baseURL)
const CREDIT = '91350100M000100Y43'

async function tokenFor(phone: string, purpose: 'case-submission' | 'case-vote') {
  const { demoCode } = (await resident.post('/api/verifications', { phone, purpose })).json
  return (await resident.post('/api/verifications/confirm', { phone, purpose, code: demoCode })).json.verificationToken as string
}

async function upload(id: string, code: string, bytes: Uint8Array, name: string, type: string, alt = '社区活动现场，老人在学用手机') {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
  form.append('alt', alt)
  const res = await fetch(`${baseURL}/api/case-submissions/${id}/images`, { method: 'POST', headers: { 'x-edit-code': code }, body: form })
  return { status: res.status, json: await res.json() }
}

const withCode = (code: string) => ({ 'x-edit-code': code })
const fullFields = {
  organisationName: '示例社区服务中心', creditCode: CREDIT, district: 'heping', theme: 'daily-life',
  summary: '每周两次小班课，教老人用手机挂号、买菜和识别诈骗电话，课后发放大字版手册。',
  description: '## 做了什么\n\n每班不超过 12 人，一位老师配两位助教，保证每位老人都有人帮。课后发大字版手册，回家也能照着做。',
  outcomes: [{ label: '结业学员', value: 320, unit: '人' }],
}
const review = (a: number, b: number, c: number, note: string) => ({
  exemplary: { score: a, comment: `示范性：${note}` }, innovative: { score: b, comment: `创新性：${note}` }, replicable: { score: c, comment: `可推广性：${note}` },
})

describe('the case showcase', () => {
  let id = ''
  let code = ''
  let slug = ''

  it('has the demo: this year\'s call open for cases and votes, last year\'s closed with its ranking and awarded cases', async () => {
    const calls = (await resident.get('/api/case-calls')).json.items
    expect(calls.find((c: { slug: string }) => c.slug === 'week-case-call')).toMatchObject({ state: 'open', votingOpen: true, ranking: null, themes: ['daily-life', 'public-services', 'industry', 'new-products', 'platforms'] })
    const past = (await resident.get('/api/case-calls/last-year-case-call')).json
    expect(past.state).toBe('closed')
    expect(past.weights).toEqual({ exemplary: 40, innovative: 30, replicable: 30 })
    expect(past.ranking).toHaveLength(6)
    expect(past.ranking.filter((r: { awarded: boolean }) => r.awarded)).toHaveLength(3)
    expect(past.ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6])
    const gallery = (await resident.get('/api/cases?call=last-year-case-call')).json
    expect(gallery.total).toBe(6)
    expect(gallery.items.every((c: { cover: unknown }) => c.cover)).toBe(true)
    expect(JSON.stringify(gallery)).not.toMatch(/contact|phone|hash/i)
  })

  it('serves a public case\'s pictures by content hash: kept 5 minutes then revalidated, nosniff, WebP with a JPEG fallback', async () => {
    const one = (await resident.get('/api/cases?call=last-year-case-call&pageSize=1')).json.items[0]
    const page = (await resident.get(`/api/cases/${one.slug}`)).json
    const image = page.images[0]
    expect(image.alt.length).toBeGreaterThan(4)
    expect(image.srcset).toMatch(/\.webp 480w/)
    const webp = await fetch(`${baseURL}${image.srcset.split(' ')[0]}`)
    expect(webp.status).toBe(200)
    expect(webp.headers.get('content-type')).toBe('image/webp')
    expect(webp.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate')
    expect(webp.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).format).toBe('webp')
    expect((await fetch(`${baseURL}/api/cases/images/${'0'.repeat(32)}-480.webp`)).status).toBe(404)
  })

  it('starts a draft only for the number just verified, and gives an edit code that alone opens it', async () => {
    const phone = '13700001111'
    const base = { contactName: '王老师', contactPhone: phone, title: '社区银龄数字课堂' }
    const noToken = await resident.post('/api/case-calls/week-case-call/submissions', base)
    expect(noToken.status).toBe(422)
    expect(Object.keys(noToken.json.data.fieldErrors)).toEqual(['verificationToken'])
    const other = await resident.post('/api/case-calls/week-case-call/submissions', { ...base, verificationToken: await tokenFor('13700002222', 'case-submission') })
    expect(other.status).toBe(422)
    expect(Object.keys(other.json.data.fieldErrors)).toEqual(['contactPhone'])
    const wrongPurpose = await resident.post('/api/case-calls/week-case-call/submissions', { ...base, verificationToken: await tokenFor(phone, 'case-vote') })
    expect(wrongPurpose.status).toBeGreaterThanOrEqual(400)
    expect(wrongPurpose.status).toBeLessThan(500)
    const made = await resident.post('/api/case-calls/week-case-call/submissions', { ...base, verificationToken: await tokenFor(phone, 'case-submission') })
    expect(made.status).toBe(201)
    expect(made.json).toMatchObject({ status: 'draft', editCode: expect.stringMatching(/^[A-Z0-9]{8}$/) })
    ;({ id, editCode: code } = made.json)
    expect((await resident.get(`/api/case-submissions/${id}`)).status).toBe(401)
    expect((await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode('AAAAAAAA'))).status).toBe(403)
    const mine = await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode(code.toLowerCase()))
    expect(mine.status).toBe(200)
    expect(mine.json.fields).toMatchObject({ title: '社区银龄数字课堂', contactName: '王老师', contactPhone: '*******1111' })
    expect(mine.json.missing).toEqual(expect.arrayContaining(['organisationName', 'creditCode', 'summary', 'description', 'outcomes', 'images']))
    expect((await resident.post('/api/case-calls/last-year-case-call/submissions', { ...base, verificationToken: await tokenFor(phone, 'case-submission') })).status).toBe(410)
  })

  it('checks the credit code, keeps what was sent when submitting too early, and lists what is missing', async () => {
    const bad = await resident.request('PATCH', `/api/case-submissions/${id}`, { creditCode: '91350100M000100Y44' }, withCode(code))
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.data.fieldErrors)).toEqual(['creditCode'])
    const early = await resident.request('PATCH', `/api/case-submissions/${id}`, { summary: fullFields.summary, submit: true }, withCode(code))
    expect(early.status).toBe(422)
    expect(Object.keys(early.json.data.fieldErrors)).toEqual(expect.arrayContaining(['organisationName', 'creditCode', 'description', 'outcomes', 'images']))
    expect(early.json.data.fieldErrors).not.toHaveProperty('summary')
    const kept = await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode(code))
    expect(kept.json.fields.summary).toBe(fullFields.summary)
    expect(kept.json.status).toBe('draft')
    const district = await resident.request('PATCH', `/api/case-submissions/${id}`, { district: 'atlantis' }, withCode(code))
    expect(Object.keys(district.json.data.fieldErrors)).toEqual(['district'])
  })

  it('takes pictures by their bytes, without GPS, and refuses what is not one', async () => {
    const gps = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#3a7' } }).jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 12/1 0/1' } }).toBuffer()
    expect((await sharp(gps).metadata()).exif).toBeDefined()
    const photo = await upload(id, code, gps, 'IMG_0001.jpg', 'image/jpeg')
    expect(photo.status).toBe(201)
    expect(photo.json.width).toBeLessThanOrEqual(1400)
    for (const url of [photo.json.src, photo.json.srcset.split(', ').at(-1).split(' ')[0]]) {
      const meta = await sharp(Buffer.from(await (await fetch(`${baseURL}${url}`)).arrayBuffer())).metadata()
      expect(meta.exif, url).toBeUndefined()
    }
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c33' } }).png().toBuffer()
    const renamed = await upload(id, code, png, 'not-really.jpg', 'image/jpeg', '一张红色的示例图片')
    expect(renamed.status).toBe(201)
    expect(renamed.json.width).toBe(600)
    expect((await upload(id, code, new TextEncoder().encode('hello, not a picture'), 'a.png', 'image/png')).status).toBe(415)
    expect((await upload(id, code, gps.subarray(0, Math.floor(gps.length / 2)), 'cut.jpg', 'image/jpeg')).status).toBe(422)
    const noAlt = await upload(id, code, png, 'p.png', 'image/png', '')
    expect(noAlt.status).toBe(422)
    expect(Object.keys(noAlt.json.data.fieldErrors)).toEqual(['alt'])
    const removed = await resident.request('DELETE', `/api/case-submissions/${id}/images/${renamed.json.id}`, undefined, withCode(code))
    expect(removed.status).toBe(200)
    expect((await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode(code))).json.images).toHaveLength(1)
  })

  it('answers junk multipart uploads with a JSON 4xx, never a 5xx, and stops at six pictures', async () => {
    const send = (body: BodyInit, type: string) => fetch(`${baseURL}/api/case-submissions/${id}/images`, { method: 'POST', headers: { 'x-edit-code': code, 'content-type': type }, body })
    const junk: [BodyInit, string][] = [
      ['not multipart at all', 'multipart/form-data; boundary=xyz'],
      ['--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n', 'multipart/form-data; boundary=xyz'],
      ['--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nplain text, no filename\r\n--xyz--\r\n', 'multipart/form-data; boundary=xyz'],
      ['--xyz\r\nContent-Disposition: form-data; name="alt"\r\n\r\n' + 'a'.repeat(5000) + '\r\n--xyz--\r\n', 'multipart/form-data; boundary=xyz'],
      ['{"file":"x"}', 'application/json'],
      ['', 'multipart/form-data'],
    ]
    for (const [body, type] of junk) {
      const res = await send(body, type)
      expect(res.status, String(body).slice(0, 60)).toBeGreaterThanOrEqual(400)
      expect(res.status, String(body).slice(0, 60)).toBeLessThan(500)
      expect(await res.json()).toHaveProperty('statusCode', res.status)
    }
    const huge = await upload(id, code, new Uint8Array(8 * 1024 * 1024 + 10), 'big.jpg', 'image/jpeg')
    expect(huge.status).toBe(413)
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#999' } }).jpeg().toBuffer()
    const have = (await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode(code))).json.images.length
    for (let i = have; i < 6; i++) expect((await upload(id, code, small, `${i}.jpg`, 'image/jpeg', `示例图片第 ${i + 1} 张`)).status).toBe(201)
    const seventh = await upload(id, code, small, '7.jpg', 'image/jpeg', '第七张示例图片')
    expect(seventh.status).toBe(409)
    expect(seventh.json.data.reason).toBe('too-many-images')
    const images = (await resident.request('GET', `/api/case-submissions/${id}`, undefined, withCode(code))).json.images
    for (const image of images.slice(1)) await resident.request('DELETE', `/api/case-submissions/${id}/images/${image.id}`, undefined, withCode(code))
  })

  it('hands the case in once complete', async () => {
    const done = await resident.request('PATCH', `/api/case-submissions/${id}`, { ...fullFields, submit: true }, withCode(code))
    expect(done.status).toBe(200)
    expect(done.json).toMatchObject({ status: 'submitted', missing: [] })
    expect(done.json.submittedAt).toBeTruthy()
  })

  it('assigns reviewers without conflicts of interest, hides scores until one\'s own is in, and gives admins the mean and the spread', async () => {
    await admin.login('admin@demo.local')
    await reviewer.login('reviewer@demo.local')
    await reviewer2.login('reviewer2@demo.local')
    const options = (await admin.get(`/api/admin/cases/${id}/reviewers`)).json.items
    const r1 = options.find((o: { name: string }) => o.name.includes('甲')).id
    const r2 = options.find((o: { name: string }) => o.name.includes('乙')).id
    expect((await reviewer2.request('PUT', '/api/organizer/cases/conflicts', { creditCodes: [CREDIT.toLowerCase()] })).json.creditCodes).toEqual([CREDIT])
    expect((await admin.get(`/api/admin/cases/${id}/reviewers`)).json.items.find((o: { id: string }) => o.id === r2).conflict).toBe(true)
    const refused = await admin.request('PUT', `/api/admin/cases/${id}/reviewers`, { reviewerIds: [r1, r2] })
    expect(refused.status).toBe(409)
    expect(refused.json.data.reason).toBe('conflict')
    expect((await admin.get(`/api/admin/cases/${id}`)).json.assigned).toEqual([])
    const assigned = await admin.request('PUT', `/api/admin/cases/${id}/reviewers`, { reviewerIds: [r1] })
    expect(assigned.json.status).toBe('in-review')
    await reviewer2.request('PUT', '/api/organizer/cases/conflicts', { creditCodes: [] })
    expect((await admin.request('PUT', `/api/admin/cases/${id}/reviewers`, { reviewerIds: [r2] })).status).toBe(200)

    expect((await reviewer.get('/api/organizer/cases')).json.items.find((c: { id: string }) => c.id === id)).toMatchObject({ reviewState: 'to-do' })
    const before = (await reviewer.get(`/api/organizer/cases/${id}`)).json
    expect(before).toMatchObject({ reviewState: 'to-do', mine: null, others: null })
    const first = await reviewer.request('PUT', `/api/organizer/cases/${id}/review`, review(5, 4, 4, '做法清楚，值得学习'))
    expect(first.status).toBe(200)
    expect(first.json.mine.weighted).toBeCloseTo(4.4)
    expect(first.json.others).toEqual([])
    const theirs = await reviewer2.get(`/api/organizer/cases/${id}`)
    expect(theirs.json.others).toBeNull()
    expect(theirs.text).not.toContain('做法清楚')
    const second = await reviewer2.request('PUT', `/api/organizer/cases/${id}/review`, review(3, 3, 3, '效果还需要更多数字'))
    expect(second.json.others).toHaveLength(1)
    expect(second.json.others[0].criteria.exemplary).toEqual({ score: 5, comment: '示范性：做法清楚，值得学习' })
    expect((await reviewer.request('PUT', `/api/organizer/cases/${id}/review`, review(1, 1, 1, '改主意了'))).json.data.reason).toBe('already-reviewed')

    const view = (await admin.get(`/api/admin/cases/${id}`)).json
    expect(view.weightedMean).toBeCloseTo(3.7)
    expect(view.spread).toBeCloseTo(1.4)
    expect(view.reviews).toHaveLength(2)
    expect(view.contactPhone).toBe('*******1111')
    expect(view.contactName).toBe('王**')
    const listed = (await admin.get('/api/admin/cases?call=week-case-call&pageSize=100')).json.items.find((c: { id: string }) => c.id === id)
    expect(listed).toMatchObject({ reviewers: 2, reviewsDone: 2, missingReviewers: [], weightedMean: 3.7 })
  })

  it('keeps a reviewer to the cases assigned, and staff to their own doors', async () => {
    await organizer.login('organizer@demo.local')
    expect((await organizer.get('/api/organizer/cases')).status).toBe(403)
    expect((await reviewer.get('/api/organizer/events')).status).toBe(403)
    expect((await reviewer.get('/api/admin/cases')).status).toBe(403)
    const email = `reviewer-${Date.now()}@example.org`
    const created = await admin.post('/api/admin/users', { email, displayName: '新评审', role: 'reviewer' })
    expect(created.status).toBe(201)
    const fresh = new ApiClient(baseURL)
    await fresh.login(email, created.json.initialPassword)
    await fresh.post('/api/auth/password', { currentPassword: created.json.initialPassword, newPassword: 'a reviewer password 2026' })
    expect((await fresh.get(`/api/organizer/cases/${id}`)).json.data.reason).toBe('not-assigned')
    expect((await fresh.get('/api/organizer/cases')).json.items).toEqual([])
  })

  it('moves a case only along the workflow, publishes it with an address, and takes one vote per number', async () => {
    expect((await admin.post(`/api/admin/cases/${id}/status`, { status: 'published' })).json.data.reason).toBe('not-allowed')
    expect((await admin.post(`/api/admin/cases/${id}/status`, { status: 'rejected' })).status).toBe(422)
    expect((await admin.post(`/api/admin/cases/${id}/status`, { status: 'shortlisted' })).json.status).toBe('shortlisted')
    const published = (await admin.post(`/api/admin/cases/${id}/status`, { status: 'published' })).json
    slug = published.slug
    expect(slug).toMatch(/^\d{4}-/)
    const gallery = (await resident.get('/api/cases?call=week-case-call&pageSize=48')).json.items
    expect(gallery.map((c: { slug: string }) => c.slug)).toContain(slug)
    expect((await resident.request('PATCH', `/api/case-submissions/${id}`, { title: '改个名字' }, withCode(code))).json.data.reason).toBe('not-editable')

    const voter = '13700003333'
    const first = await resident.post(`/api/cases/${slug}/votes`, { verificationToken: await tokenFor(voter, 'case-vote') })
    expect(first.status).toBe(201)
    expect(first.json).toEqual({ votes: 1, votesLeft: 2 })
    const again = await resident.post(`/api/cases/${slug}/votes`, { verificationToken: await tokenFor(voter, 'case-vote') })
    expect(again.status).toBe(409)
    expect(again.json.data.reason).toBe('already-voted')
    expect((await resident.post(`/api/cases/${slug}/votes`, { verificationToken: await tokenFor('13700004444', 'case-submission') })).status).toBeGreaterThanOrEqual(400)
    expect((await resident.get(`/api/cases/${slug}`)).json.votes).toBe(1)
    const past = (await resident.get('/api/cases?call=last-year-case-call&pageSize=1')).json.items[0]
    expect((await resident.post(`/api/cases/${past.slug}/votes`, { verificationToken: await tokenFor(voter, 'case-vote') })).json.data.reason).toBe('voting-closed')
  })

  it('takes reports, and lets admins hide and restore a case, audited', async () => {
    const report = await resident.post(`/api/cases/${slug}/reports`, { reason: 'false-claims', details: '数字好像不对' })
    expect(report.status).toBe(201)
    expect((await resident.post(`/api/cases/${slug}/reports`, { reason: 'nonsense' })).status).toBe(422)
    expect((await admin.get(`/api/admin/cases/${id}`)).json).toMatchObject({ openReports: 1, reports: [{ reason: 'false-claims', details: '数字好像不对', resolvedAt: null }] })
    const hidden = await admin.post(`/api/admin/cases/${id}/visibility`, { hidden: true, reason: '核实数字期间暂不展示' })
    expect(hidden.json).toMatchObject({ hidden: true, openReports: 0 })
    expect((await resident.get(`/api/cases/${slug}`)).status).toBe(404)
    expect((await resident.get('/api/cases?call=week-case-call&pageSize=48')).json.items.map((c: { slug: string }) => c.slug)).not.toContain(slug)
    expect((await admin.post(`/api/admin/cases/${id}/visibility`, { hidden: false, reason: '已核实，恢复展示' })).json.hidden).toBe(false)
    expect((await resident.get(`/api/cases/${slug}`)).status).toBe(200)
    const audit = (await admin.get('/api/admin/audit?pageSize=100')).json.items.map((a: { action: string }) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['case.hide', 'case.restore', 'case.status', 'case.assign', 'case.review', 'case.report']))
  })

  it('shows the submitter the state and a rejection\'s reason', async () => {
    const made = await admin.post('/api/case-calls/week-case-call/submissions', { contactName: '李主任', contactPhone: '13700005555', title: '另一个示例案例', ...fullFields })
    expect(made.status).toBe(201)
    const other = made.json.id
    const form = new FormData()
    form.append('file', new Blob([await sharp({ create: { width: 500, height: 300, channels: 3, background: '#36c' } }).webp().toBuffer()], { type: 'image/webp' }), 'a.webp')
    form.append('alt', '一张蓝色的示例图片')
    expect((await fetch(`${baseURL}/api/case-submissions/${other}/images`, { method: 'POST', headers: { cookie: admin.cookie }, body: form })).status).toBe(201)
    expect((await admin.request('PATCH', `/api/case-submissions/${other}`, { submit: true })).json.status).toBe('submitted')
    await admin.post(`/api/admin/cases/${other}/status`, { status: 'rejected', reason: '材料里没有写清效果' })
    expect((await admin.get(`/api/case-submissions/${other}`)).json).toMatchObject({ status: 'rejected', rejectReason: '材料里没有写清效果', editable: false })
  })

  it('reveals a contact only with a reason, audited', async () => {
    expect((await admin.post(`/api/admin/cases/${id}/contact`, {})).status).toBe(422)
    const shown = await admin.post(`/api/admin/cases/${id}/contact`, { reason: '通知入选，需要电话联系' })
    expect(shown.json).toEqual({ contactName: '王老师', contactPhone: '13700001111' })
    const audit = (await admin.get('/api/admin/audit?action=case.contact.reveal')).json.items
    expect(audit[0]).toMatchObject({ action: 'case.contact.reveal', reason: '通知入选，需要电话联系' })
  })

  it('publishes the published cases as open data, and the final ranking once published: JSON and formula-safe CSV, with and without the BOM', async () => {
    const open = (await resident.get('/api/case-calls/week-case-call/export.json')).json
    expect(open.rankingPublished).toBe(false)
    expect(open.rows.length).toBeGreaterThanOrEqual(2)
    // Before the ranking is published, the experts' scores stay out of the open data.
    expect(open.rows.every((r: { rank: unknown, score: unknown, expertMean: unknown }) => r.rank === null && r.score === null && r.expertMean === null)).toBe(true)
    const doc = (await resident.get('/api/case-calls/last-year-case-call/export.json')).json
    expect(doc).toMatchObject({ licence: 'CC-BY-4.0', rankingPublished: true, call: { slug: 'last-year-case-call', voteWeight: 20 } })
    expect(doc.formula).toMatch(/voteWeight/)
    expect(doc.rows).toHaveLength(6)
    for (const row of doc.rows) expect(row.score).toBeCloseTo(0.8 * row.expertPart + 0.2 * row.votePart, 3)
    expect(JSON.stringify(doc)).not.toMatch(/contact|phone|hash/i)
    const csv = await fetch(`${baseURL}/api/case-calls/last-year-case-call/export.csv`)
    const bytes = Buffer.from(await csv.arrayBuffer())
    const text = bytes.toString('utf8')
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect([...bytes.subarray(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
    expect(text.split('\n')[0]).toContain('rank,slug,title,organisation,creditCode')
    expect(text.trim().split('\n')).toHaveLength(7)
    const plain = Buffer.from(await (await fetch(`${baseURL}/api/case-calls/last-year-case-call/export.csv?bom=0`)).arrayBuffer())
    expect(plain.subarray(0, 4).toString('utf8')).toBe('rank')
  })
})
