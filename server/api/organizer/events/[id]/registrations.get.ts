import { attendeesQuery, type OrganizerRegistrations } from '#shared/events/organizer'
import { ownedEvent } from '~~/server/events/owned'
import { decryptText } from '~~/server/privacy/crypto'
import { maskName } from '#shared/utils/mask'
/** Who is coming: masked names and numbers, status, party size, check-in. Search by code with ?code=. */
export default defineEventHandler(async (event): Promise<OrganizerRegistrations> => {
  const { code } = await validQuery(event, attendeesQuery)
  const { row, db } = await ownedEvent(event)
  let query = db.selectFrom('registrations').selectAll().where('event_id', '=', row.id)
  if (code) query = query.where('code', '=', code)
  const regs = await query.orderBy('seq').execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    event: { id: row.id, slug: row.slug, title: { zh: row.title_zh, en: row.title_en }, capacity: row.capacity, confirmedPlaces: row.confirmed_places, waitlistLength: row.waitlist_parties, checkedInPlaces: row.checked_in_places },
    items: await Promise.all(regs.map(async r => ({
      code: r.code,
      status: r.status,
      partySize: r.party_size,
      // A helper's booking for a landline or no phone keeps a name and no number.
      ...(r.name_enc && r.phone_enc ? await maskedResident({ name_enc: r.name_enc, phone_enc: r.phone_enc }) : { name: r.name_enc ? maskName(await decryptText(r.name_enc)) : '—', phone: '—' }),
      ageGroup: r.age_group,
      district: r.district_code,
      source: r.source,
      checkedInAt: r.checked_in_at,
      attendanceConfirmedAt: r.attendance_confirmed_at,
      createdAt: r.created_at,
    }))),
  }
})
