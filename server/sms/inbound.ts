import type { Kysely } from 'kysely'
import type { InboundOutcome, InboundSms } from '#shared/sms/schemas'
import { normalizeMobile } from '#shared/utils/phone'
import { nowIso } from '~~/server/database/ids'
import { REPLY_CHOICES, type Database, type RegistrationRow } from '~~/server/database/schema'
import { cancelBooking } from '~~/server/events/booking'
import { replyChoiceKind } from '~~/server/notifications/messages'
import { enqueue } from '~~/server/notifications/outbox'
import { lookupHash } from '~~/server/privacy/crypto'
import { parseReply } from './replies'

export interface InboundContext {
  citySlug: string
  /** Records what the resident did, as their own act (audit log). */
  audit: (action: string, reg: RegistrationRow) => Promise<void>
  now?: Date
}

/**
 * The bookings a reply can be about: confirmed, of this city, not yet begun, with a
 * reminder queued or sent (the text that asks for the reply), soonest first.
 */
export function bookingsAwaitingReply(db: Kysely<Database>, phoneHash: string, citySlug: string, now: string) {
  return db.selectFrom('registrations as r').innerJoin('events as e', 'e.id', 'r.event_id')
    .selectAll('r')
    .where('r.phone_hash', '=', phoneHash).where('r.status', '=', 'confirmed')
    .where('e.city_slug', '=', citySlug).where('e.starts_at', '>', now)
    .where(eb => eb.exists(eb.selectFrom('notifications as n').select('n.id')
      .whereRef('n.registration_id', '=', 'r.id').where('n.kind', '=', 'reminder').where('n.status', 'in', ['pending', 'sent'])))
    .orderBy('e.starts_at').orderBy('r.id').limit(REPLY_CHOICES).execute()
}

const reply = (db: Kysely<Database>, kind: Parameters<typeof enqueue>[1], reg: RegistrationRow) =>
  enqueue(db, kind, [{ eventId: reg.event_id, registrationId: reg.id }])

async function act(db: Kysely<Database>, message: InboundSms, ctx: InboundContext, now: string): Promise<InboundOutcome> {
  const mobile = normalizeMobile(message.from)
  const bookings = mobile ? await bookingsAwaitingReply(db, await lookupHash(mobile), ctx.citySlug, now) : []
  // Nobody to answer: the portal texts only numbers that have a booking with it.
  if (!bookings.length) return 'no-booking'
  const intent = parseReply(message.text)
  const pick = intent.action === 'other' ? null : intent.choice ?? (bookings.length === 1 ? 1 : null)
  const target = pick === null ? undefined : bookings[pick - 1]
  if (intent.action === 'other' || !target) {
    if (bookings.length === 1) {
      await reply(db, 'reply-help', bookings[0]!)
      return 'help'
    }
    for (const [i, reg] of bookings.entries()) await reply(db, replyChoiceKind(i + 1), reg)
    return 'choices'
  }
  if (intent.action === 'cancel') {
    // As the reminder's release link does: the places go back and the waiting list moves up.
    await cancelBooking(db, target.code, target.phone_hash!)
    await ctx.audit('booking.release-by-resident', target)
    await reply(db, 'reply-cancelled', target)
    return 'cancelled'
  }
  await db.updateTable('registrations').set({ attendance_confirmed_at: now })
    .where('id', '=', target.id).where('attendance_confirmed_at', 'is', null).execute()
  await ctx.audit('booking.attendance-confirmed-by-resident', target)
  await reply(db, 'reply-confirmed', target)
  return 'confirmed'
}

/**
 * Acts on a resident's text message once per gateway id: the id is claimed first, so a
 * repeat (or a retry racing the first try) does nothing; if acting fails, the claim is
 * let go so that the gateway's retry is handled.
 */
export async function handleInboundSms(db: Kysely<Database>, message: InboundSms, ctx: InboundContext): Promise<InboundOutcome> {
  const now = (ctx.now ?? new Date()).toISOString()
  const claimed = await db.insertInto('sms_inbound')
    .values({ id: message.id, outcome: null, received_at: message.receivedAt, created_at: nowIso() })
    .onConflict(oc => oc.column('id').doNothing()).returning('id').execute()
  if (!claimed.length) return 'duplicate'
  try {
    const outcome = await act(db, message, ctx, now)
    await db.updateTable('sms_inbound').set({ outcome }).where('id', '=', message.id).execute()
    return outcome
  }
  catch (error) {
    await db.deleteFrom('sms_inbound').where('id', '=', message.id).execute().catch(() => {})
    throw error
  }
}
