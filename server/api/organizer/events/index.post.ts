import type { OrganizerEventRef } from '#shared/events/organizer'
import { eventCreateBody } from '#shared/events/organizer'
import { assertCourses, setEventCourses } from '../../../events/courses'
import { eventColumns } from '../../../events/editing'
import { rethrowEventInput } from '../../../events/http-errors'
import { freeEventSlug, slugFromTitle } from '../../../events/slug'

/** Creates an event as a draft; it is public only once published. */
export default defineEventHandler(async (event): Promise<OrganizerEventRef> => {
  const body = await validBody(event, eventCreateBody)
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()

  let organisationId = user.organisationId
  if (user.role === 'admin') {
    const org = body.organisationCode
      ? await db.selectFrom('organisations').select('id').where('city_slug', '=', city.slug).where('code', '=', body.organisationCode).executeTakeFirst()
      : undefined
    if (!org) throw invalidFields({ organisationCode: ['Choose the organisation that runs the event'] })
    organisationId = org.id
  }
  await assertCourses(event, city.slug, body.courses)
  // Left blank, the web address is the title's pinyin (organisers may change it later).
  const slug = body.slug ?? await freeEventSlug(db, city.slug, slugFromTitle(body.title.zh))
  try {
    const columns = await eventColumns(db, city.slug, { ...body, slug })
    const id = newId()
    const now = nowIso()
    await db.insertInto('events').values({
      ...columns as Required<typeof columns>,
      id, city_slug: city.slug, organisation_id: organisationId!, capacity: body.capacity, max_party_size: body.maxPartySize,
      what_to_bring_zh: body.whatToBring?.zh ?? null, what_to_bring_en: body.whatToBring?.en ?? null, venue_id: columns.venue_id ?? null,
      status: 'draft', confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1, source: 'user',
      created_by: user.id, created_at: now, updated_at: now, cancelled_at: null,
    }).execute()
    if (body.courses?.length) await setEventCourses(db, id, body.courses)
    await recordAudit(event, user, { action: 'event.create', targetType: 'event', targetId: id, details: { slug } })
    setResponseStatus(event, 201)
    return { id, slug, status: 'draft' }
  }
  catch (error) {
    rethrowEventInput(error)
  }
})
