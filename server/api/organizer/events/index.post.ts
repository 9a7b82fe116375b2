import type { OrganizerEventRef } from '#shared/events/organizer'
import { eventCreateBody } from '#shared/events/organizer'
import { assertCourses, setEventCourses } from '~~/server/events/courses'
import { eventColumns } from '~~/server/events/editing'
import { rethrowEventInput } from '~~/server/events/http-errors'
import { createSeries, plannedStarts } from '~~/server/events/series'
import { freeEventSlug, slugFromTitle } from '~~/server/events/slug'

/**
 * Creates an event as a draft; it is public only once published. With `repeat` (重复) it creates a
 * series: every occurrence a draft of its own, linked to the series (the answer's `id` is the first).
 */
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
  const slug = body.slug ?? (body.repeat ? slugFromTitle(body.title.zh) : await freeEventSlug(db, city.slug, slugFromTitle(body.title.zh)))
  try {
    const columns = await eventColumns(db, city.slug, { ...body, slug })
    const id = newId()
    const now = nowIso()
    const values = {
      ...columns as Required<typeof columns>,
      id, slug, city_slug: city.slug, organisation_id: organisationId!, capacity: body.capacity, max_party_size: body.maxPartySize,
      what_to_bring_zh: body.whatToBring?.zh ?? null, what_to_bring_en: body.whatToBring?.en ?? null, venue_id: columns.venue_id ?? null,
      status: 'draft' as const, confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1, source: 'user' as const,
      created_by: user.id, created_at: now, updated_at: now, cancelled_at: null,
    }
    if (body.repeat) {
      const plan = plannedStarts(body.repeat, body.startsAt)
      const made = await createSeries(db, values, plan)
      for (const occurrence of made.ids) if (body.courses?.length) await setEventCourses(db, occurrence, body.courses)
      await recordAudit(event, user, { action: 'event.create', targetType: 'event', targetId: id, details: { slug, series: made.seriesId, occurrences: made.ids.length } })
      setResponseStatus(event, 201)
      return { id, slug: made.slugs[0], status: 'draft', series: { id: made.seriesId, occurrences: made.ids.length } }
    }
    await db.insertInto('events').values(values).execute()
    if (body.courses?.length) await setEventCourses(db, id, body.courses)
    await recordAudit(event, user, { action: 'event.create', targetType: 'event', targetId: id, details: { slug } })
    setResponseStatus(event, 201)
    return { id, slug, status: 'draft' }
  }
  catch (error) {
    rethrowEventInput(error)
  }
})
