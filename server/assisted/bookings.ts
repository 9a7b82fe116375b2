import { createError } from 'h3'
import type { Kysely } from 'kysely'
import type { AssistedBooking, AssistedWeek, assistedBookingBody } from '#shared/assisted/schemas'
import type { AuthUser } from '#shared/accounts/schemas'
import type { z } from 'zod'
import { maskName } from '#shared/utils/mask'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database } from '~~/server/database/schema'
import { book, changeBooking, waitlistPosition, type BookingResult } from '~~/server/events/booking'
import { ticketToken } from '~~/server/events/tickets'
import { eventQuery, toEventView } from '~~/server/events/views'
import { decryptText, encryptText, lookupHash } from '~~/server/privacy/crypto'

type Db = Kysely<Database>
export type AssistedBookingRequest = z.output<typeof assistedBookingBody>

/**
 * What is stored for the resident: the name, and the mobile (texts go to it). A landline is kept only as the
 * look-up hash (to find and to stop a double booking), never as a number; "no phone" as a hash of a fresh id,
 * so two residents without a phone are never taken for one.
 */
async function sealFor(body: AssistedBookingRequest) {
  const nameEnc = await encryptText(body.name)
  if (body.contact === 'mobile') return { name_enc: nameEnc, phone_enc: await encryptText(body.phone!), phone_hash: await lookupHash(body.phone!) }
  if (body.contact === 'landline') return { name_enc: nameEnc, phone_enc: null, phone_hash: await lookupHash(`landline:${body.phone}`) }
  return { name_enc: nameEnc, phone_enc: null, phone_hash: await lookupHash(`no-phone:${newId()}`) }
}

/** Books through the residents' own engine, recording in the same transaction who acted for whom and how the resident agreed. */
export async function bookForResident(db: Db, citySlug: string, helper: AuthUser, body: AssistedBookingRequest): Promise<BookingResult> {
  const sealed = await sealFor(body)
  return book(db, {
    event: { citySlug, slug: body.event },
    partySize: body.partySize,
    sealed,
    source: 'assisted',
    alsoRecord: async (trx, registrationId) => {
      await trx.insertInto('assisted_registrations').values({
        registration_id: registrationId, helper_id: helper.id, organisation_id: helper.organisationId!,
        consent: body.consent, contact: body.contact, created_at: nowIso(), cancelled_at: null,
      }).execute()
    },
  })
}

function mineQuery(db: Db, helper: AuthUser) {
  return db.selectFrom('assisted_registrations as a')
    .innerJoin('registrations as r', 'r.id', 'a.registration_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.registration_id', 'a.consent', 'a.contact', 'a.created_at', 'a.cancelled_at', 'r.code', 'r.status', 'r.party_size', 'r.seq', 'r.event_id', 'r.name_enc', 'r.phone_hash', 'o.name_zh as org_zh', 'o.name_en as org_en'])
    // Only the bookings this helper made, for their own organisation: never another's.
    .where('a.helper_id', '=', helper.id)
    .where('a.organisation_id', '=', helper.organisationId ?? '')
}

type MineRow = Awaited<ReturnType<ReturnType<typeof mineQuery>['executeTakeFirstOrThrow']>>

async function toAssistedBooking(db: Db, row: MineRow): Promise<AssistedBooking> {
  const e = toEventView(await eventQuery(db).where('e.id', '=', row.event_id).executeTakeFirstOrThrow())
  return {
    id: row.registration_id,
    code: row.code,
    status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? await waitlistPosition(db, row.event_id, row.seq) : null,
    partySize: row.party_size,
    // Masked even for the helper who typed it: the list may be on a shared screen.
    residentName: row.name_enc ? maskName(await decryptText(row.name_enc)) : '—',
    contact: row.contact,
    consent: row.consent,
    createdAt: row.created_at,
    ticketToken: await ticketToken(row.registration_id),
    event: {
      slug: e.slug, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt,
      venue: e.venue ? e.venue.name : null, address: e.venue ? e.venue.address : null,
    },
    organisation: { zh: row.org_zh, en: row.org_en },
  }
}

/** The helper's own bookings, newest first (the last 50), or the one with a code. */
export async function listMine(db: Db, helper: AuthUser, code?: string): Promise<AssistedBooking[]> {
  let query = mineQuery(db, helper).orderBy('a.created_at', 'desc').limit(50)
  if (code) query = query.where('r.code', '=', code)
  const rows = await query.execute()
  return Promise.all(rows.map(r => toAssistedBooking(db, r)))
}

/** One of the helper's own bookings; 404 for any other (another helper's, another organisation's, none). */
export async function oneOfMine(db: Db, helper: AuthUser, id: string) {
  const row = await mineQuery(db, helper).where('a.registration_id', '=', id).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No booking of yours with this id' })
  return row
}

export async function viewOfMine(db: Db, helper: AuthUser, id: string): Promise<AssistedBooking> {
  return toAssistedBooking(db, await oneOfMine(db, helper, id))
}

/**
 * Cancels a booking the helper made, as the resident's own cancel does (the waiting list moves up).
 * `cancelled` says whether this call did it (the handler audits it); a second call changes nothing.
 */
export async function cancelMine(db: Db, helper: AuthUser, id: string): Promise<{ booking: AssistedBooking, cancelled: boolean }> {
  const row = await oneOfMine(db, helper, id)
  const cancelled = row.status !== 'cancelled'
  if (cancelled) {
    await changeBooking(db, row.code, row.phone_hash!, 0)
    await db.updateTable('assisted_registrations').set({ cancelled_at: nowIso() }).where('registration_id', '=', id).execute()
  }
  return { booking: await viewOfMine(db, helper, id), cancelled }
}

/** Monday 00:00 in Asia/Shanghai (UTC+8, no summer time) of the week holding `now`, as an ISO instant. */
export function weekStart(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000)
  const daysSinceMonday = (shanghai.getUTCDay() + 6) % 7
  const monday = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - daysSinceMonday)
  return new Date(monday - 8 * 3600_000).toISOString()
}

/** What the helper did this week: bookings made, residents helped (one per number; each "no phone" booking is one), cancelled. */
export async function weekOf(db: Db, helper: AuthUser, now = new Date()): Promise<AssistedWeek> {
  const since = weekStart(now)
  const rows = await mineQuery(db, helper).where('a.created_at', '>=', since).execute()
  return {
    since,
    bookings: rows.length,
    residents: new Set(rows.map(r => r.phone_hash ?? r.registration_id)).size,
    cancelled: rows.filter(r => r.cancelled_at).length,
  }
}
