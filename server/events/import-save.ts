import type { Kysely } from 'kysely'
import { eventAudiences, eventCategories, eventCategoryFormerNames, eventFormats } from '#shared/events/vocabulary'
import { dictionaries } from '#shared/i18n/dictionaries'
import { languages } from '#shared/i18n/languages'
import type { Database } from '~~/server/database/schema'
import { writeTransaction } from '~~/server/database/write-transaction'
import type { CheckedRow, ImportRefs } from './import-check'
import { formatAudience } from './views'

type Labels = Record<string, Record<string, string>>
/** Every label of a vocabulary in both languages, so a sheet may say 老年人 or older-people or Older people. */
function labelsOf(group: 'categories' | 'audiences' | 'formats', codes: readonly string[]): Record<string, string[]> {
  const former = group === 'categories' ? eventCategoryFormerNames as Record<string, string[]> : {}
  return Object.fromEntries(codes.map(c => [c, [...languages.map(l => (dictionaries[l].common[group] as Labels[string])[c]!).filter(Boolean), ...(former[c] ?? [])]]))
}

/** What an import checks rows against, read in a handful of queries however long the sheet. */
export async function importRefs(db: Kysely<Database>, citySlug: string, organisationId: string, now: string): Promise<ImportRefs> {
  const [venues, districts, slugs, existing] = await Promise.all([
    db.selectFrom('venues').select(['id', 'code', 'name_zh', 'name_en', 'district_code']).where('city_slug', '=', citySlug).execute(),
    db.selectFrom('districts').select(['code', 'name_zh', 'name_en']).where('city_slug', '=', citySlug).execute(),
    db.selectFrom('events').select('slug').where('city_slug', '=', citySlug).execute(),
    db.selectFrom('events').select(['id', 'slug', 'external_id', 'confirmed_places', 'status']).where('organisation_id', '=', organisationId).where('external_id', 'is not', null).execute(),
  ])
  return {
    venues, districts, now,
    labels: { categories: labelsOf('categories', eventCategories), audiences: labelsOf('audiences', eventAudiences), formats: labelsOf('formats', eventFormats) },
    slugs: new Set(slugs.map(s => s.slug)),
    existing: new Map(existing.map(e => [e.external_id!, e])),
  }
}

function columnsOf(r: CheckedRow) {
  const e = r.input!
  return {
    slug: e.slug, title_zh: e.title.zh, title_en: e.title.en, summary_zh: e.summary.zh, summary_en: e.summary.en,
    description_zh: e.description.zh, description_en: e.description.en,
    what_to_bring_zh: e.whatToBring?.zh ?? null, what_to_bring_en: e.whatToBring?.en ?? null,
    starts_at: e.startsAt, ends_at: e.endsAt, booking_opens_at: e.bookingOpensAt, booking_closes_at: e.bookingClosesAt,
    venue_id: r.venueId ?? null, district_code: e.district, category: e.category, audience: formatAudience(e.audience), format: e.format,
    capacity: e.capacity, max_party_size: e.maxPartySize,
  }
}

/** Saves checked rows in one transaction: new drafts, or updates of the events imported before with the same 外部编号. */
export async function saveImport(db: Kysely<Database>, rows: CheckedRow[], ctx: { citySlug: string, organisationId: string, userId: string, now: string, newId: () => string }) {
  return writeTransaction(db, async (trx) => {
    let created = 0
    let updated = 0
    for (const r of rows) {
      if (r.existingId) {
        await trx.updateTable('events').set(eb => ({ ...columnsOf(r), revision: eb('revision', '+', 1), updated_at: ctx.now })).where('id', '=', r.existingId).execute()
        updated++
        continue
      }
      const id = ctx.newId()
      await trx.insertInto('events').values({
        ...columnsOf(r), id, city_slug: ctx.citySlug, organisation_id: ctx.organisationId,
        external_id: r.externalId ?? null, status: 'draft', confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1,
        source: 'user', created_by: ctx.userId, created_at: ctx.now, updated_at: ctx.now, cancelled_at: null,
      }).execute()
      r.existingId = id
      created++
    }
    return { created, updated }
  })
}
