import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { takeDownImage } from '~~/server/cases/admin'
import { imageAudience, imageGrant } from '~~/server/cases/image-access'
import { processImage, readImageFile, storeImage, type ProcessedImage } from '~~/server/cases/images'
import { migrateToLatest } from '~~/server/database/migrate'
import type { CaseStatus } from '#shared/cases/vocabulary'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

const HOUR_MS = 3_600_000
const grantOf = (query: string) => {
  const params = new URLSearchParams(query)
  return { until: Number(params.get('until')), sig: params.get('sig')! }
}

describe.each(dialects)('who may fetch a case picture, on $name', ({ open }) => {
  let t: TestDatabase
  let picture: ProcessedImage
  let other: ProcessedImage
  const file = (p: ProcessedImage) => p.files[0]!.name

  async function caseWith(id: string, status: CaseStatus, hidden = false, city = 'tianjin') {
    const now = new Date().toISOString()
    const callId = `call-${city}`
    await t.db.insertInto('case_calls').values({
      id: callId, city_slug: city, slug: `pictures-${city}`, year: 2025, title_zh: '征集', title_en: 'Call', rules_zh: '规则', rules_en: 'Rules',
      opens_at: now, closes_at: now, vote_opens_at: now, vote_closes_at: now, votes_per_person: 3, vote_weight: 20,
      weight_exemplary: 40, weight_innovative: 30, weight_replicable: 30, ranking_published_at: null, source: 'user', created_at: now, updated_at: now,
    }).onConflict(oc => oc.column('id').doNothing()).execute()
    await t.db.insertInto('case_submissions').values({
      id, call_id: callId, slug: status === 'published' || status === 'awarded' ? id : null, status, reject_reason: null, title: '案例', organisation_name: null, credit_code: null,
      district: null, theme: null, summary: null, description: null, outcomes_json: '[]', contact_name_enc: null, contact_phone_enc: null, phone_hash: null,
      edit_code_hash: 'x', submitted_by: null, organisation_id: null, hidden_at: hidden ? now : null, hidden_reason: hidden ? '含个人信息' : null, submitted_at: null, published_at: null,
      awarded_at: null, purge_after: now, anonymised_at: null, source: 'user', created_at: now, updated_at: now,
    }).execute()
  }

  beforeAll(async () => {
    t = await open()
    await migrateToLatest(t.db)
    picture = await processImage(await sharp({ create: { width: 700, height: 300, channels: 3, background: '#5a8' } }).jpeg().toBuffer())
    other = await processImage(await sharp({ create: { width: 640, height: 300, channels: 3, background: '#c53' } }).jpeg().toBuffer())
  })
  afterAll(async () => t?.close())

  it('lets anyone have a published case\'s picture, and no one without a grant once the case is hidden', async () => {
    await caseWith('shown', 'published')
    const image = await storeImage(t.db, 'shown', 0, '活动现场', picture)
    expect(await imageAudience(t.db, 'tianjin', file(picture), {})).toBe('public')
    // Another city's portal does not serve it.
    expect(await imageAudience(t.db, 'beijing', file(picture), {})).toBeNull()
    await t.db.updateTable('case_submissions').set({ hidden_at: new Date().toISOString() }).where('id', '=', 'shown').execute()
    expect(await imageAudience(t.db, 'tianjin', file(picture), {})).toBeNull()
    // The submitter and staff still see it, through the grant their views carry.
    expect(await imageAudience(t.db, 'tianjin', file(picture), grantOf(await imageGrant(image.hash)))).toBe('granted')
  })

  it('keeps a draft\'s pictures to grant holders; a grant is for one picture, signed, and ends', async () => {
    await caseWith('draft', 'draft')
    await storeImage(t.db, 'draft', 0, '草稿图片', other)
    const now = Date.now()
    const grant = grantOf(await imageGrant(other.hash, now))
    expect(grant.until * 1000 - now).toBeGreaterThan(HOUR_MS)
    expect(grant.until * 1000 - now).toBeLessThanOrEqual(2 * HOUR_MS)
    expect(await imageAudience(t.db, 'tianjin', file(other), {}, now)).toBeNull()
    expect(await imageAudience(t.db, 'tianjin', file(other), grant, now)).toBe('granted')
    // Every width of that picture, and no other picture.
    for (const f of other.files) expect(await imageAudience(t.db, 'tianjin', f.name, grant, now)).toBe('granted')
    expect(await imageAudience(t.db, 'tianjin', `${'0'.repeat(32)}-480.jpg`, grant, now)).toBeNull()
    // A changed signature, a later end than was signed, an ended grant, a grant too far ahead to be ours.
    const flipped = grant.sig.slice(0, -1) + (grant.sig.endsWith('0') ? '1' : '0')
    expect(await imageAudience(t.db, 'tianjin', file(other), { ...grant, sig: flipped }, now)).toBeNull()
    expect(await imageAudience(t.db, 'tianjin', file(other), { ...grant, until: grant.until + 3600 }, now)).toBeNull()
    expect(await imageAudience(t.db, 'tianjin', file(other), grant, grant.until * 1000 + 1)).toBeNull()
    const farAhead = grantOf(await imageGrant(other.hash, now + 5 * HOUR_MS))
    expect(await imageAudience(t.db, 'tianjin', file(other), farAhead, now)).toBeNull()
    expect(await imageAudience(t.db, 'tianjin', file(other), { sig: grant.sig }, now)).toBeNull()
  })

  it('takes a picture down: its row goes, and its files go unless another case has the same picture', async () => {
    await caseWith('twin-a', 'published')
    await caseWith('twin-b', 'awarded')
    const third = await processImage(await sharp({ create: { width: 500, height: 300, channels: 3, background: '#36c' } }).jpeg().toBuffer())
    const a = await storeImage(t.db, 'twin-a', 0, '同一张图片', third)
    const b = await storeImage(t.db, 'twin-b', 0, '同一张图片', third)
    await expect(takeDownImage(t.db, 'twin-a', b.id)).rejects.toMatchObject({ statusCode: 404 })
    await takeDownImage(t.db, 'twin-a', a.id)
    expect(await t.db.selectFrom('case_images').select('id').where('submission_id', '=', 'twin-a').execute()).toEqual([])
    // twin-b still shows the very same picture: its files stay, and stay public.
    expect(await readImageFile(t.db, file(third))).toBeDefined()
    expect(await imageAudience(t.db, 'tianjin', file(third), {})).toBe('public')
    await takeDownImage(t.db, 'twin-b', b.id)
    for (const f of third.files) expect(await readImageFile(t.db, f.name)).toBeUndefined()
    expect(await imageAudience(t.db, 'tianjin', file(third), {})).toBeNull()
    await expect(takeDownImage(t.db, 'twin-b', b.id)).rejects.toMatchObject({ statusCode: 404 })
  })

  it('takes a picture down once when ten admins press at once (the control without the count lets several through)', async () => {
    await caseWith('race', 'published')
    const race = await processImage(await sharp({ create: { width: 520, height: 300, channels: 3, background: '#963' } }).jpeg().toBuffer())
    const first = await storeImage(t.db, 'race', 0, '并发撤图', race)
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => takeDownImage(t.db, 'race', first.id)))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.statusCode)).toEqual(Array(9).fill(404))
    // The control: read, then delete without counting what was deleted.
    const second = await storeImage(t.db, 'race', 1, '并发撤图', race)
    const weakened = async () => {
      const row = await t.db.selectFrom('case_images').select('id').where('id', '=', second.id).executeTakeFirst()
      if (!row) throw new Error('gone')
      await t.db.deleteFrom('case_images').where('id', '=', row.id).execute()
    }
    const unguarded = await Promise.allSettled(Array.from({ length: 10 }, weakened))
    expect(unguarded.filter(r => r.status === 'fulfilled').length).toBeGreaterThan(1)
  })
})
