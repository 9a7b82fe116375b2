import { casesQuery } from '#shared/cases/requests'
import { publicStatuses } from '#shared/cases/vocabulary'
import type { z } from 'zod'
import type { casePage } from '#shared/cases/views'
import { caseCard, imagesOf } from '~~/server/cases/views'

/** The gallery: published and awarded cases, not hidden, by theme, district, year and call. */
export default defineEventHandler(async (event): Promise<z.infer<typeof casePage>> => {
  const query = await validQuery(event, casesQuery)
  const { db, city } = await usePortal()
  let base = db.selectFrom('case_submissions as s').innerJoin('case_calls as c', 'c.id', 's.call_id')
    .where('c.city_slug', '=', city.slug).where('s.status', 'in', publicStatuses).where('s.hidden_at', 'is', null)
  if (query.call) base = base.where('c.slug', '=', query.call)
  if (query.theme) base = base.where('s.theme', '=', query.theme)
  if (query.district) base = base.where('s.district', '=', query.district)
  if (query.year) base = base.where('c.year', '=', query.year)
  const page = await paginate(base, query, q => q.selectAll('s').select(['c.slug as call_slug', 'c.title_zh as call_title_zh', 'c.title_en as call_title_en', 'c.year as call_year'])
    .orderBy('c.opens_at', 'desc').orderBy(eb => eb.case().when('s.status', '=', 'awarded').then(0).else(1).end()).orderBy('s.published_at', 'desc').orderBy('s.id'))
  const images = await imagesOf(db, page.items.map(r => r.id))
  cachePublic(event, 60)
  return mapPage(page, r => caseCard(r, { slug: r.call_slug, title_zh: r.call_title_zh, title_en: r.call_title_en, year: r.call_year }, city, images.get(r.id) ?? []))
})
