// `tsx scripts/seed-scale.ts [scale]`: fills the configured database (DATABASE_URL or the
// embedded SQLite file of PORTAL_DATA_DIR) with a city's worth of records for the statistics
// benchmark. Scale 1 (the default) is 500 events, 200,000 bookings and 50,000 quiz attempts
// (about ten answers each) in the current year; 0.01 is a hundredth of that (the CI run).
// Made-up, anonymous rows (no names or numbers), inserted in one transaction.
import { CompiledQuery, sql, type Insertable, type Transaction } from 'kysely'
import { ageGroups, eventAudiences, eventCategories, eventFormats } from '#shared/events/vocabulary'
import { fraudTypes } from '#shared/quizzes/vocabulary'
import { CODE_ALPHABET } from '#shared/primitives'
import { loadCityProfile } from '~~/server/city/profile'
import { createDatabase } from '~~/server/database/client'
import { newId } from '~~/server/database/ids'
import { migrateToLatest } from '~~/server/database/migrate'
import { rebuildQuizAnswerDays } from '~~/server/database/migrations/0011_statistics'
import type { Database, QuizAnswersTable, RegistrationsTable } from '~~/server/database/schema'
import { seedCity } from '~~/server/database/seed'
import { portalConfig } from '~~/server/utils/config'

const scale = Number(process.argv[2] ?? 1)
if (!(scale > 0 && scale <= 10)) throw new Error('scale: a number above 0, at most 10')
const EVENTS = Math.max(5, Math.round(500 * scale))
const BOOKINGS = Math.round(200_000 * scale)
const ATTEMPTS = Math.round(50_000 * scale)
const DAY = 86_400_000

// A small deterministic generator, so two runs at one scale give the same figures.
let state = 20261207
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
  return state / 2_147_483_648
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
let codeSeq = 0
const code = () => {
  let n = codeSeq++
  let out = 'S'
  for (let i = 0; i < 7; i++, n = Math.floor(n / CODE_ALPHABET.length)) out += CODE_ALPHABET[n % CODE_ALPHABET.length]
  return out
}

const config = portalConfig()
const city = loadCityProfile(config.city)
const { db, dialect } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })

// One transaction, multi-row INSERTs as plain SQL with bound values: the same few statement texts
// over and over (SQLite keeps them prepared), no query builder per batch.
const MAX_PARAMS = dialect === 'sqlite' ? 32_000 : 60_000
async function insertAll(trx: Transaction<Database>, table: keyof Database, rows: Array<Record<string, unknown>>) {
  if (!rows.length) return
  const columns = Object.keys(rows[0]!)
  const perStatement = Math.min(1000, Math.floor(MAX_PARAMS / columns.length))
  const head = `insert into ${table} (${columns.join(', ')}) values `
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      const marks = columns.map((c) => {
        params.push(row[c] ?? null)
        return dialect === 'sqlite' ? '?' : `$${params.length}`
      })
      return `(${marks.join(', ')})`
    })
    await trx.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params))
  }
}

try {
  const started = performance.now()
  await migrateToLatest(db)
  await seedCity(db, city)
  const organisation = await db.selectFrom('organisations').select('id').where('city_slug', '=', city.slug).executeTakeFirstOrThrow()
  const now = Date.now()
  const nowIso = new Date(now).toISOString()
  const weekStart = Date.parse(`${city.week.startsOn}T09:00:00+08:00`)
  const yearStart = Date.parse(`${new Date(now + 8 * 3_600_000).getUTCFullYear()}-01-01T09:00:00+08:00`)
  const run = Date.now().toString(36)

  // Events: two thirds in the weeks before today (held), a third in the experience week.
  const perEvent = Math.ceil(BOOKINGS / EVENTS)
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const start = i % 3 === 2 ? weekStart + (i % 7) * DAY : Math.max(yearStart, now - (1 + (i % 60)) * DAY)
    const capacity = Math.round(perEvent * 2 * (0.85 + random() * 0.3))
    return {
      id: newId(), city_slug: city.slug, organisation_id: organisation.id, slug: `scale-${run}-${i}`,
      title_zh: `规模测试活动 ${i + 1}`, title_en: `Scale test event ${i + 1}`, summary_zh: '测试', summary_en: 'Test', description_zh: '测试', description_en: 'Test',
      what_to_bring_zh: null, what_to_bring_en: null,
      starts_at: new Date(start).toISOString(), ends_at: new Date(start + 2 * 3_600_000).toISOString(), venue_id: null,
      district_code: city.districts[i % city.districts.length]!.code, category: pick(eventCategories), audience: `,${pick(eventAudiences)},`, format: pick(eventFormats),
      capacity, max_party_size: 3, booking_opens_at: new Date(start - 30 * DAY).toISOString(), booking_closes_at: new Date(start - 3_600_000).toISOString(),
      status: 'published' as const, confirmed_places: 0, waitlist_parties: 0, checked_in_places: 0, next_seq: 1,
      source: 'user' as const, created_by: null, created_at: nowIso, updated_at: nowIso, cancelled_at: null,
    }
  })
  const registrations: Insertable<RegistrationsTable>[] = []
  for (let b = 0; b < BOOKINGS; b++) {
    const e = events[b % EVENTS]!
    const party = 1 + Math.floor(random() * 3)
    const waitlisted = e.confirmed_places + party > e.capacity
    const held = Date.parse(e.ends_at) < now
    const checked = !waitlisted && held && random() < 0.82
    if (waitlisted) e.waitlist_parties++
    else e.confirmed_places += party
    if (checked) e.checked_in_places += party
    registrations.push({
      id: newId(), event_id: e.id, code: code(), seq: e.next_seq++, status: waitlisted ? 'waitlisted' : 'confirmed', party_size: party,
      name_enc: null, phone_enc: null, phone_hash: null, age_group: random() < 0.1 ? null : pick(ageGroups), district_code: e.district_code,
      source: 'resident', consent_at: nowIso, promoted_at: null, cancelled_at: null, checked_in_at: checked ? e.ends_at : null, checked_in_by: null,
      purge_after: new Date(Date.parse(e.ends_at) + 180 * DAY).toISOString(), anonymised_at: nowIso, created_at: nowIso, updated_at: nowIso,
    })
  }

  const attempts: Array<{ id: string, quiz_slug: string, city_slug: string, item_ids: string, created_at: string }> = []
  const answers: Insertable<QuizAnswersTable>[] = []
  for (let a = 0; a < ATTEMPTS; a++) {
    const id = newId()
    const at = new Date(Math.max(yearStart, now - random() * 60 * DAY)).toISOString()
    const items = Array.from({ length: 10 }, (_, k) => ({ type: pick(fraudTypes), genuine: k >= 7, n: k }))
    attempts.push({ id, quiz_slug: pick(['everyday-scams', 'elder-anti-fraud', 'quick-check']), city_slug: city.slug, item_ids: JSON.stringify(items.map(i => `scale-${i.n}`)), created_at: at })
    for (const item of items) {
      // Some kinds are harder to spot: the catch rate falls with the type's position in the list.
      const spotted = random() < (item.genuine ? 0.15 : 0.9 - fraudTypes.indexOf(item.type) * 0.02)
      answers.push({
        attempt_id: id, item_id: `scale-${item.n}`, item_type: item.genuine ? 'genuine' : item.type, lookalike: item.genuine ? item.type : null, kind: 'judge',
        verdict: spotted ? 'scam' : 'genuine', correct: (spotted !== item.genuine ? 1 : 0) as 0 | 1, flags_found: null, flags_total: null, false_taps: null, option_correct: null, answered_at: at,
      })
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertAll(trx, 'events', events)
    await insertAll(trx, 'registrations', registrations as Array<Record<string, unknown>>)
    await insertAll(trx, 'quiz_attempts', attempts)
    await insertAll(trx, 'quiz_answers', answers as Array<Record<string, unknown>>)
  })
  // Rows written past the app leave the statistics' daily counts behind: counted afresh, as the migration does.
  await rebuildQuizAnswerDays(db as never)
  // PostgreSQL plans from table statistics and reads an index alone only where the visibility map says it may:
  // after a bulk load both are stale until autovacuum comes round, so bring them up to date now.
  if (dialect === 'postgres') await sql`vacuum analyze`.execute(db)
  console.log(`[seed-scale] ${dialect}: ${EVENTS} events, ${BOOKINGS} bookings, ${ATTEMPTS} quiz attempts (${answers.length} answers) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
catch (error) {
  console.error(`[seed-scale] failed: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await db.destroy()
}
