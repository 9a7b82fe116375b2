import type { VenueCreated } from '#shared/venues/schemas'
import { venueCreateBody } from '#shared/venues/schemas'

/** Adds a venue for the organizer's events; it joins the city's venue list (marked as made by people, never overwritten by seeding). */
export default defineEventHandler(async (event): Promise<VenueCreated> => {
  const body = await validBody(event, venueCreateBody)
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  if (!city.districts.some(d => d.code === body.district)) {
    throw invalidFields({ district: ['Unknown district'] })
  }
  const id = newId()
  // From the id's random tail: its head is the time, the same for every venue added within a minute.
  const code = `${body.district}-${id.slice(-8)}`
  const now = nowIso()
  await db.insertInto('venues').values({
    id, city_slug: city.slug, code, organisation_id: user.organisationId, district_code: body.district, kind: body.kind,
    name_zh: body.name.zh, name_en: body.name.en, address_zh: body.address.zh, address_en: body.address.en,
    hours_zh: body.openingHours.zh, hours_en: body.openingHours.en, notes_zh: body.notes?.zh ?? null, notes_en: body.notes?.en ?? null,
    phone: null, step_free: body.access.stepFree ? 1 : 0, hearing_loop: body.access.hearingLoop ? 1 : 0, parking: body.access.parking ? 1 : 0,
    source: 'user', created_at: now, updated_at: now,
  }).execute()
  await recordAudit(event, user, { action: 'venue.create', targetType: 'venue', targetId: id, details: { code } })
  setResponseStatus(event, 201)
  return { code }
})
