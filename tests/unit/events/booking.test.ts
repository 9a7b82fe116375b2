import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { book, BookingError, cancelBooking, changeBooking, setCapacity, type BookingResult } from '~~/server/events/booking'
import { waitlistCap } from '~~/server/events/views'
import type { Database } from '~~/server/database/schema'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { farFuture, insertEvent, placesState, prepare, sealed } from '~~/tests/support/events'

/** A fixed but mixed sequence of party sizes, 1–4. */
const partySizes = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 4) + 1)

async function race(dbs: Kysely<Database>[], eventId: string, n: number, guard = true) {
  const sizes = partySizes(n)
  const settled = await Promise.allSettled(sizes.map((partySize, i) =>
    book(dbs[i % dbs.length]!, { event: { id: eventId }, partySize, sealed: sealed(`${eventId}-${i}`), purgeAfter: farFuture }, { guard })))
  return { sizes, settled }
}

describe.each(dialects)('booking engine on $name', ({ open }) => {
  let t: TestDatabase
  let second: Kysely<Database> | undefined
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
    // A second app instance on the same database where that is supported (PostgreSQL).
    second = t.multiInstance ? t.openAnother?.() : undefined
  })
  afterAll(async () => {
    await second?.destroy()
    await t?.close()
  })

  it('never oversells the last places in a race of 200 mixed parties, and answers every request', async () => {
    const event = await insertEvent(t.db, { capacity: 23 })
    // Two pools where the database allows it: two app instances on one database.
    const { settled } = await race(second ? [t.db, second] : [t.db], event.id, 200)
    const failures = settled.filter(s => s.status === 'rejected')
    expect(failures.map(f => String((f as PromiseRejectedResult).reason))).toEqual([])
    const results = settled.map(s => (s as PromiseFulfilledResult<BookingResult>).value)
    const state = await placesState(t.db, event.id)
    expect(state.confirmed).toBeLessThanOrEqual(23)
    expect(state.counter).toBe(state.confirmed)
    expect(state.stranded).toBe(false)
    expect(state.waitlistCounter).toBe(state.waiting.length)
    expect(results.filter(r => r.status === 'confirmed').reduce((n, r) => n + r.partySize, 0)).toBe(state.confirmed)
    // The waiting list is in order of arrival: each party was told the place it now has.
    const told = new Map(results.filter(r => r.status === 'waitlisted').map(r => [r.registrationId, r.waitlistPosition]))
    const rows = await t.db.selectFrom('registrations').select(['id', 'seq']).where('event_id', '=', event.id).where('status', '=', 'waitlisted').orderBy('seq').execute()
    expect(rows.map(r => told.get(r.id))).toEqual(rows.map((_, i) => i + 1))
  })

  it('control: the same race with the guard switched off is caught overselling', async () => {
    const event = await insertEvent(t.db, { capacity: 23 })
    await race(second ? [t.db, second] : [t.db], event.id, 200, false)
    const state = await placesState(t.db, event.id)
    expect(state.confirmed).toBeGreaterThan(23)
  })

  it('keeps confirmed ≤ capacity while cancellations, reductions and a capacity rise race each other', async () => {
    const event = await insertEvent(t.db, { capacity: 20 })
    const { settled } = await race([t.db], event.id, 60)
    const booked = settled.map(s => (s as PromiseFulfilledResult<BookingResult>).value)
    const confirmed = booked.filter(b => b.status === 'confirmed')
    const pools = second ? [t.db, second] : [t.db]
    const index = (b: BookingResult) => booked.indexOf(b)
    const changes = await Promise.allSettled([
      ...confirmed.slice(0, 6).map((b, i) => cancelBooking(pools[i % pools.length]!, b.code, `hash-${event.id}-${index(b)}`)),
      ...confirmed.slice(6, 9).map((b, i) => changeBooking(pools[i % pools.length]!, b.code, `hash-${event.id}-${index(b)}`, 1)),
      setCapacity(pools.at(-1)!, event.id, 26),
      // New bookings arrive at the same time.
      ...[1, 2, 3].map(i => book(pools[i % pools.length]!, { event: { id: event.id }, partySize: i, sealed: sealed(`${event.id}-late-${i}`), purgeAfter: farFuture })),
    ])
    expect(changes.filter(c => c.status === 'rejected').map(c => String((c as PromiseRejectedResult).reason))).toEqual([])
    const state = await placesState(t.db, event.id)
    expect(state.capacity).toBe(26)
    expect(state.confirmed).toBeLessThanOrEqual(26)
    expect(state.counter).toBe(state.confirmed)
    expect(state.stranded).toBe(false)
    expect(state.waitlistCounter).toBe(state.waiting.length)
  })

  it('promotes the waiting list in order, skipping a party that does not fit without splitting it', async () => {
    const event = await insertEvent(t.db, { capacity: 4 })
    const b = (i: number, partySize: number) => book(t.db, { event: { id: event.id }, partySize, sealed: sealed(`${event.id}-${i}`), purgeAfter: farFuture })
    const first = await b(1, 2)
    const second2 = await b(2, 2)
    const big = await b(3, 3)
    const small = await b(4, 1)
    expect([first.status, second2.status, big.status, small.status]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    expect([big.waitlistPosition, small.waitlistPosition]).toEqual([1, 2])

    const result = await cancelBooking(t.db, first.code, `hash-${event.id}-1`)
    // Two places free: the party of 3 does not fit and keeps its place; the party of 1 moves up.
    expect(result.promoted.map(p => p.code)).toEqual([small.code])
    const bigNow = await t.db.selectFrom('registrations').select(['status', 'party_size']).where('code', '=', big.code).executeTakeFirstOrThrow()
    expect(bigNow).toEqual({ status: 'waitlisted', party_size: 3 })
    await changeBooking(t.db, second2.code, `hash-${event.id}-2`, 0)
    const after = await t.db.selectFrom('registrations').select('status').where('code', '=', big.code).executeTakeFirstOrThrow()
    expect(after.status).toBe('confirmed')
    expect((await placesState(t.db, event.id)).confirmed).toBe(4)
  })

  it('refuses a party that does not fit once the waiting list is at its cap, and finds events by their public address', async () => {
    const event = await insertEvent(t.db, { capacity: 3, confirmed_places: 2, waitlist_parties: waitlistCap(3) })
    const request = (key: string, partySize: number) => ({ event: { citySlug: 'tianjin', slug: event.slug }, partySize, sealed: sealed(`${event.id}-${key}`), purgeAfter: farFuture })
    await expect(book(t.db, request('two', 2))).rejects.toMatchObject({ problem: 'not-waitlistable' })
    // One place is still free: a party of one gets it.
    expect((await book(t.db, request('one', 1))).status).toBe('confirmed')
    await t.db.updateTable('events').set({ waitlist_parties: waitlistCap(3) - 1 }).where('id', '=', event.id).execute()
    expect((await book(t.db, request('three', 1))).status).toBe('waitlisted')
    await expect(book(t.db, { ...request('nowhere', 1), event: { citySlug: 'huludao', slug: event.slug } })).rejects.toMatchObject({ problem: 'not-found' })
  })

  it('refuses a second active booking for the same mobile number, closed windows and big parties', async () => {
    const event = await insertEvent(t.db, { capacity: 10, max_party_size: 2 })
    const request = { event: { id: event.id }, partySize: 1, sealed: sealed('same'), purgeAfter: farFuture }
    await book(t.db, request)
    await expect(book(t.db, request)).rejects.toThrow(BookingError)
    await expect(book(t.db, { ...request, sealed: sealed('big'), partySize: 3 })).rejects.toMatchObject({ problem: 'party-too-large' })
    await expect(book(t.db, { ...request, sealed: sealed('late'), now: new Date(event.booking_closes_at) })).rejects.toMatchObject({ problem: 'closed' })
    await expect(book(t.db, { ...request, sealed: sealed('early'), now: new Date(Date.parse(event.booking_opens_at) - 1000) })).rejects.toMatchObject({ problem: 'not-open' })
    await expect(setCapacity(t.db, event.id, 0)).rejects.toThrow(RangeError)
  })
})
