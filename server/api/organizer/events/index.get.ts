import type { OrganizerEventList } from '#shared/events/organizer'
/** The organisation's events, drafts included, with their counts. Admins see every event of the city. */
export default defineEventHandler(async (event): Promise<OrganizerEventList> => {
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  let query = db.selectFrom('events').select([
    'id', 'slug', 'title_zh', 'title_en', 'starts_at', 'ends_at', 'status', 'capacity', 'confirmed_places', 'waitlist_parties', 'checked_in_places', 'format',
  ]).where('city_slug', '=', city.slug)
  if (user.role !== 'admin') query = query.where('organisation_id', '=', user.organisationId!)
  const [rows, failed] = await Promise.all([
    query.orderBy('starts_at').execute(),
    db.selectFrom('notifications as n').innerJoin('events as e', 'e.id', 'n.event_id').select(['n.event_id', eb => eb.fn.countAll<number>().as('n')])
      .where('e.city_slug', '=', city.slug).where('n.status', '=', 'failed')
      .$if(user.role !== 'admin', q => q.where('e.organisation_id', '=', user.organisationId!)).groupBy('n.event_id').execute(),
  ])
  const failedBy = new Map(failed.map(f => [f.event_id, Number(f.n)]))
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    items: rows.map(r => ({
      id: r.id, slug: r.slug, title: { zh: r.title_zh, en: r.title_en }, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status, format: r.format,
      capacity: r.capacity, confirmedPlaces: r.confirmed_places, waitlistLength: r.waitlist_parties, checkedInPlaces: r.checked_in_places,
      failedMessages: failedBy.get(r.id) ?? 0,
    })),
  }
})
