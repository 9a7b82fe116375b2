import type { OrganisationList } from '#shared/accounts/schemas'

export default defineEventHandler(async (event): Promise<OrganisationList> => {
  await requireAdmin(event)
  const { db, city } = await usePortal()
  const rows = await db.selectFrom('organisations').select(['code', 'kind', 'name_zh', 'name_en'])
    .where('city_slug', '=', city.slug).orderBy('kind').orderBy('code').execute()
  return { items: rows.map(r => ({ code: r.code, kind: r.kind, name: { zh: r.name_zh, en: r.name_en } })) }
})
