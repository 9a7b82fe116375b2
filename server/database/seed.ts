import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { newId, nowIso } from './ids'
import type { Database } from './schema'

/**
 * Brings a city profile into the database. Idempotent: a row that exists (by
 * city and code) is left as it is, so edits people made are never overwritten
 * and running it twice, or from two instances at once, adds nothing.
 */
export async function seedCity(db: Kysely<Database>, city: CityProfile): Promise<void> {
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('cities')
      .values({ slug: city.slug, name_zh: city.name.zh, name_en: city.name.en, created_at: now })
      .onConflict(oc => oc.column('slug').doNothing())
      .execute()

    await trx.insertInto('districts')
      .values(city.districts.map((d, i) => ({
        id: newId(), city_slug: city.slug, code: d.code, name_zh: d.name.zh, name_en: d.name.en,
        kind: d.kind, sort_order: i, source: 'seed' as const, created_at: now,
      })))
      .onConflict(oc => oc.columns(['city_slug', 'code']).doNothing())
      .execute()

    const organisations = [
      ...city.organisers.map(o => ({ code: o.code, kind: 'department' as const, name: o.name, role: o.role })),
      ...city.venues.map(v => ({ code: v.code, kind: 'venue' as const, name: v.name, role: null })),
    ]
    await trx.insertInto('organisations')
      .values(organisations.map(o => ({
        id: newId(), city_slug: city.slug, code: o.code, kind: o.kind, name_zh: o.name.zh, name_en: o.name.en,
        role: o.role, source: 'seed' as const, created_at: now, updated_at: now,
      })))
      .onConflict(oc => oc.columns(['city_slug', 'code']).doNothing())
      .execute()

    const orgIds = new Map((await trx.selectFrom('organisations').select(['id', 'code'])
      .where('city_slug', '=', city.slug).where('kind', '=', 'venue').execute()).map(o => [o.code, o.id]))

    await trx.insertInto('venues')
      .values(city.venues.map(v => ({
        id: newId(), city_slug: city.slug, code: v.code, organisation_id: orgIds.get(v.code) ?? null,
        district_code: v.district, kind: v.kind, name_zh: v.name.zh, name_en: v.name.en,
        address_zh: v.address.zh, address_en: v.address.en, hours_zh: v.openingHours.zh, hours_en: v.openingHours.en,
        notes_zh: v.notes?.zh ?? null, notes_en: v.notes?.en ?? null, phone: v.phone ?? null,
        step_free: v.access.stepFree ? 1 : 0, hearing_loop: v.access.hearingLoop ? 1 : 0, parking: v.access.parking ? 1 : 0,
        source: 'seed' as const, created_at: now, updated_at: now,
      } as const)))
      .onConflict(oc => oc.columns(['city_slug', 'code']).doNothing())
      .execute()
  })
}
