import type { MyOrganisation } from '#shared/accounts/schemas'

export default defineEventHandler(async (event): Promise<MyOrganisation> => {
  const user = await requireOrganizer(event)
  const db = await useDb()
  const { city } = await usePortal()
  if (!user.organisationId) return { organisation: null, venues: [], members: [] }

  const organisation = await db.selectFrom('organisations').selectAll().where('id', '=', user.organisationId).executeTakeFirstOrThrow()
  assertOrganisation(user, organisation.id)
  const [venues, members] = await Promise.all([
    db.selectFrom('venues').select(['code', 'name_zh', 'name_en', 'district_code', 'address_zh', 'address_en'])
      .where('organisation_id', '=', organisation.id).where('city_slug', '=', city.slug).orderBy('code').execute(),
    db.selectFrom('users').select(['display_name', 'email', 'role', 'disabled_at'])
      .where('organisation_id', '=', organisation.id).orderBy('display_name').execute(),
  ])
  return {
    organisation: { code: organisation.code, kind: organisation.kind, name: { zh: organisation.name_zh, en: organisation.name_en }, role: organisation.role },
    venues: venues.map(v => ({ code: v.code, name: { zh: v.name_zh, en: v.name_en }, district: v.district_code, address: { zh: v.address_zh, en: v.address_en } })),
    members: members.map(m => ({ displayName: m.display_name, email: m.email, role: m.role, disabled: !!m.disabled_at })),
  }
})
