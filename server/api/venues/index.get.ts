import { venueListQuery } from '#shared/venues/schemas'
import type { Page } from '#shared/primitives'
import type { VenueView } from '#shared/venues/schemas'

export default defineEventHandler(async (event): Promise<Page<VenueView>> => {
  const query = await validQuery(event, venueListQuery)
  const { db, city } = await usePortal()

  let base = db.selectFrom('venues as v')
    .innerJoin('districts as d', join => join.onRef('d.city_slug', '=', 'v.city_slug').onRef('d.code', '=', 'v.district_code'))
    .where('v.city_slug', '=', city.slug)
  if (query.district) base = base.where('v.district_code', '=', query.district)
  if (query.kind) base = base.where('v.kind', '=', query.kind)

  const now = nowIso()
  const page = await paginate(base, query, q => q.selectAll('v').select(['d.name_zh as district_zh', 'd.name_en as district_en'])
    .select(eb => eb.selectFrom('events as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.venue_id', '=', 'v.id')
      .where('e.status', '=', 'published').where('e.ends_at', '>', now).as('upcoming'))
    .orderBy('d.sort_order').orderBy('v.kind').orderBy('v.code'))
  cachePublic(event)
  return mapPage(page, v => ({
    code: v.code,
    name: { zh: v.name_zh, en: v.name_en },
    kind: v.kind as VenueView['kind'],
    district: v.district_code,
    districtName: { zh: v.district_zh, en: v.district_en },
    address: { zh: v.address_zh, en: v.address_en },
    openingHours: { zh: v.hours_zh, en: v.hours_en },
    phone: v.phone,
    notes: v.notes_zh && v.notes_en ? { zh: v.notes_zh, en: v.notes_en } : null,
    access: { stepFree: v.step_free === 1, hearingLoop: v.hearing_loop === 1, parking: v.parking === 1 },
    upcomingEvents: Number(v.upcoming ?? 0),
  }))
})
