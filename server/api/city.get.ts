import { sql } from 'kysely'
import type { CityView } from '#shared/city/views'

export default defineEventHandler(async (event): Promise<CityView> => {
  const { db, city } = await usePortal()
  const [districts, organisers, venues] = await Promise.all([
    db.selectFrom('districts').select(['code', 'name_zh', 'name_en', 'kind'])
      .where('city_slug', '=', city.slug).orderBy('sort_order').orderBy('code').execute(),
    db.selectFrom('organisations').select(['code', 'name_zh', 'name_en', 'role'])
      .where('city_slug', '=', city.slug).where('kind', '=', 'department')
      // The lead department first, then co-organisers, then supporters.
      .orderBy(sql`case role when 'lead' then 0 when 'co-organiser' then 1 else 2 end`).orderBy('code').execute(),
    db.selectFrom('venues').select(eb => eb.fn.countAll<number>().as('n')).where('city_slug', '=', city.slug).executeTakeFirstOrThrow(),
  ])
  cachePublic(event)
  return {
    slug: city.slug,
    name: city.name,
    province: city.province,
    plan: city.plan,
    week: city.week,
    focusAreas: city.focusAreas,
    contact: city.contact,
    districts: districts.map(d => ({ code: d.code, name: { zh: d.name_zh, en: d.name_en }, kind: d.kind })),
    organisers: organisers.map(o => ({ code: o.code, name: { zh: o.name_zh, en: o.name_en }, role: o.role })),
    venueCount: Number(venues.n),
  }
})
