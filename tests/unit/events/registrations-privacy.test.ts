import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { book } from '~~/server/events/booking'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { erasePersonalData, exportPersonalData, runPurge } from '~~/server/privacy/retention'
import { personalDataSources, purgers } from '~~/server/privacy/purgers'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

async function sealedFor(name: string, phone: string) {
  return { name_enc: await encryptText(name), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) }
}

describe.each(dialects)('residents\' data in bookings on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('anonymises bookings past their purge date and keeps the counts', async () => {
    const event = await insertEvent(t.db, { capacity: 10 })
    const past = '2000-01-01T00:00:00.000Z'
    const old = await book(t.db, { event: { id: event.id }, partySize: 2, sealed: await sealedFor('陈桂兰', '13800000001'), purgeAfter: past, ageGroup: '70-plus' })
    await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('杨德明', '13800000002'), purgeAfter: '2099-01-01T00:00:00.000Z' })

    const counts = await runPurge(t.db, new Date(), purgers)
    expect(counts.registrations).toBeGreaterThanOrEqual(1)
    const row = await t.db.selectFrom('registrations').selectAll().where('id', '=', old.registrationId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name_enc: null, phone_enc: null, phone_hash: null, party_size: 2, age_group: '70-plus', status: 'confirmed' })
    expect(row.anonymised_at).toBeTruthy()
    const kept = await t.db.selectFrom('registrations').select('name_enc').where('event_id', '=', event.id).where('anonymised_at', 'is', null).execute()
    expect(kept).toHaveLength(1)
    expect((await runPurge(t.db, new Date(), purgers)).registrations).toBe(0)
  })

  it('shows a resident everything held about them, and erases it, freeing places for the waiting list', async () => {
    const event = await insertEvent(t.db, { capacity: 2 })
    const phone = '13900000003'
    const mine = await book(t.db, { event: { id: event.id }, partySize: 2, sealed: await sealedFor('黄春梅', phone), purgeAfter: '2099-01-01T00:00:00.000Z' })
    const waiting = await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor('郭永生', '13900000004'), purgeAfter: '2099-01-01T00:00:00.000Z' })
    expect(waiting.status).toBe('waitlisted')
    const hash = await lookupHash(phone)

    const data = await exportPersonalData(t.db, hash, personalDataSources)
    expect(data.registrations).toEqual([expect.objectContaining({ code: mine.code, name: '黄春梅', phone, partySize: 2, status: 'confirmed' })])

    expect((await erasePersonalData(t.db, hash, personalDataSources)).registrations).toBe(1)
    expect((await exportPersonalData(t.db, hash, personalDataSources)).registrations).toEqual([])
    const row = await t.db.selectFrom('registrations').selectAll().where('id', '=', mine.registrationId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'cancelled', name_enc: null, phone_hash: null })
    const promoted = await t.db.selectFrom('registrations').select('status').where('id', '=', waiting.registrationId).executeTakeFirstOrThrow()
    expect(promoted.status).toBe('confirmed')
  })
})
