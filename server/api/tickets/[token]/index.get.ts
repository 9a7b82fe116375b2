import type { RegistrationView } from '#shared/events/views'
import { waitlistPosition } from '../../../events/booking'
import { eventQuery, toEventView } from '../../../events/views'
import { registrationForTicket } from '../../../events/ticket-route'

/** The ticket: what the QR code stands for, without any personal data. */
export default defineEventHandler(async (event): Promise<RegistrationView> => {
  const { reg, token } = await registrationForTicket(event)
  const db = await useDb()
  const e = toEventView(await eventQuery(db).where('e.id', '=', reg.event_id).executeTakeFirstOrThrow())
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return {
    code: reg.code,
    status: reg.status as RegistrationView['status'],
    partySize: reg.party_size,
    waitlistPosition: reg.status === 'waitlisted' ? await waitlistPosition(db, reg.event_id, reg.seq) : null,
    checkedIn: !!reg.checked_in_at,
    ticketToken: token,
    event: { slug: e.slug, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, venue: e.venue, format: e.format, districtName: e.districtName, status: e.status, maxPartySize: e.maxPartySize },
  }
})
