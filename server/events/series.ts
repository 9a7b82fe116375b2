import type { Insertable, Kysely, Transaction, Updateable } from 'kysely'
import { beijingDate, beijingDaysBetween, MAX_OCCURRENCES, ruleEndingBefore, ruleFrom, ruleText, seriesStarts, shiftDate, startsBefore, type RepeatRule } from '#shared/events/series'
import { newId, nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import type { Database, EventRow, EventSeriesTable, EventsTable } from '~~/server/database/schema'
import { freeEventSlug } from './slug'

type Trx = Transaction<Database>
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()
const listOf = (exceptions: string) => exceptions.split(',').filter(Boolean)

/** A repeat rule that cannot make a series; the fields to correct (as EventInputError, answered as a 422). */
export class SeriesInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super('The repeat rule is not valid')
  }
}

/**
 * The starts a repeat rule makes from the first class, or the field to correct: the first class's
 * day must be one the rule makes (RFC 5545 leaves DTSTART outside its rule undefined), at least two
 * classes, at most MAX_OCCURRENCES.
 */
export function plannedStarts(rule: RepeatRule, startsAt: string): { rule: string, starts: string[], exceptions: string[] } {
  const text = ruleText(rule)
  const exceptions = [...new Set(rule.except ?? [])].sort()
  if (exceptions.includes(beijingDate(startsAt))) throw new SeriesInputError({ 'repeat.except': ['The first class cannot be skipped'] })
  const starts = seriesStarts(text, startsAt, exceptions)
  if (starts[0] !== startsAt) throw new SeriesInputError({ 'repeat.weekdays': ['Must include the day of the first class'] })
  if (starts.length > MAX_OCCURRENCES) throw new SeriesInputError({ [rule.count ? 'repeat.count' : 'repeat.until']: [`At most ${MAX_OCCURRENCES} classes`] })
  if (starts.length < 2) throw new SeriesInputError({ [rule.count ? 'repeat.count' : 'repeat.until']: ['A series has at least two classes'] })
  return { rule: text, starts, exceptions }
}

/**
 * Creates a series and its occurrences as drafts, each an event of its own (bookable on its own once
 * published). Every occurrence keeps the first's length; booking opens when the first's does and
 * closes as long before each class as before the first. Web addresses end in the Beijing date
 * (shou-ji-zhi-fu-ru-men-1208).
 */
export async function createSeries(db: Kysely<Database>, first: Insertable<EventsTable> & { id: string, slug: string, starts_at: string, ends_at: string, booking_closes_at: string }, plan: ReturnType<typeof plannedStarts>): Promise<{ seriesId: string, ids: string[], slugs: string[] }> {
  const seriesId = newId()
  const now = nowIso()
  const length = Date.parse(first.ends_at) - Date.parse(first.starts_at)
  const closesBefore = Date.parse(first.starts_at) - Date.parse(first.booking_closes_at)
  // Addresses are chosen before the transaction: a write transaction's work may use only its own connection.
  const slugs: string[] = []
  for (const start of plan.starts) {
    slugs.push(await freeEventSlug(db, first.city_slug, `${first.slug.slice(0, 50)}-${beijingDate(start).slice(5).replace('-', '')}`, new Set(slugs)))
  }
  const ids = plan.starts.map((_, i) => (i === 0 ? first.id : newId()))
  await writeTransaction(db, async (trx) => {
    await trx.insertInto('event_series').values({
      id: seriesId, city_slug: first.city_slug, organisation_id: first.organisation_id, rule: plan.rule, starts_at: first.starts_at,
      exceptions: plan.exceptions.join(','), created_by: first.created_by ?? null, created_at: now, updated_at: now,
    }).execute()
    await trx.insertInto('events').values(plan.starts.map((start, i) => ({
      ...first, id: ids[i]!, slug: slugs[i]!, series_id: seriesId, series_start: start, starts_at: start, ends_at: shift(start, length), booking_closes_at: shift(start, -closesBefore),
    }))).execute()
  })
  return { seriesId, ids, slugs }
}

/** Where an occurrence stands in its series (1-based), among all its occurrences. */
export async function seriesPosition(db: Kysely<Database>, row: EventRow): Promise<{ id: string, position: number, total: number }> {
  const all = await db.selectFrom('events').select(['id']).where('series_id', '=', row.series_id!).orderBy('starts_at').orderBy('id').execute()
  return { id: row.series_id!, position: all.findIndex(e => e.id === row.id) + 1, total: all.length }
}

/** An occurrence and the ones after it in its series, cancelled ones left out, in order. */
export function followingOccurrences(db: Kysely<Database>, row: EventRow) {
  return db.selectFrom('events').selectAll().where('series_id', '=', row.series_id!).where('starts_at', '>=', row.starts_at)
    .where('status', '!=', 'cancelled').orderBy('starts_at').execute()
}

const timeColumns = ['starts_at', 'ends_at', 'booking_opens_at', 'booking_closes_at'] as const

/**
 * The columns for a later occurrence when one occurrence's edit applies to it too: the same texts,
 * place and settings, and each time moved by as much as that occurrence's moved (a class moved to
 * 15:00 from 14:00 moves every following one an hour). Never the web address.
 */
export function followingColumns(edited: EventRow, columns: Updateable<EventsTable>, other: EventRow): Updateable<EventsTable> {
  const { slug: _slug, ...rest } = columns
  const out: Updateable<EventsTable> = { ...rest }
  for (const c of timeColumns) {
    const value = columns[c]
    if (typeof value === 'string') out[c] = shift(other[c], Date.parse(value) - Date.parse(edited[c]))
  }
  // The rule moves with them (the series splits here), so the start it gives each moves too.
  if (typeof columns.starts_at === 'string') out.series_start = shift(other.series_start ?? other.starts_at, Date.parse(columns.starts_at) - Date.parse(edited.starts_at))
  return out
}

/** The edited occurrence's own columns for "this and following": its rule start moves with it. */
export function editedColumns(edited: EventRow, columns: Updateable<EventsTable>): Updateable<EventsTable> {
  if (typeof columns.starts_at !== 'string') return columns
  return { ...columns, series_start: shift(edited.series_start ?? edited.starts_at, Date.parse(columns.starts_at) - Date.parse(edited.starts_at)) }
}

/** The rules every occurrence must keep after a move (as checkEventTimes): the field to correct, or null. */
export function timesProblem(e: Pick<EventRow, typeof timeColumns[number]>): string | null {
  if (e.ends_at <= e.starts_at) return 'endsAt'
  if (e.booking_closes_at <= e.booking_opens_at || e.booking_closes_at > e.ends_at) return 'bookingClosesAt'
  return null
}

/**
 * "This and following" splits the series where the edit starts, as calendars do: the earlier
 * occurrences keep the series, their rule ending just before; the edited one and those after it
 * get a series of their own, its rule moved with the edit (weekdays turn with a move of days,
 * COUNT becomes what is left) and its skipped dates with it. From the first occurrence the whole
 * series moves instead. Returns the series the following occurrences belong to.
 */
export async function splitSeries(trx: Trx, edited: EventRow, newStart: string): Promise<string> {
  const series = await trx.selectFrom('event_series').selectAll().where('id', '=', edited.series_id!).executeTakeFirstOrThrow()
  // Where the rule put the edited class (it may have been moved on its own since), and where it now puts it.
  const origin = edited.series_start ?? edited.starts_at
  const moved = shift(origin, Date.parse(newStart) - Date.parse(edited.starts_at))
  const days = beijingDaysBetween(origin, moved)
  const editedDate = beijingDate(origin)
  const exceptions = listOf(series.exceptions)
  const later = exceptions.filter(d => d > editedDate).map(d => shiftDate(d, days))
  const left = Math.max(1, countOf(series.rule) - startsBefore(series.rule, series.starts_at, origin))
  const rule = ruleFrom(series.rule, days, left)
  const now = nowIso()
  const earlier = await trx.selectFrom('events').select('id').where('series_id', '=', series.id).where('starts_at', '<', edited.starts_at).executeTakeFirst()
  if (!earlier) {
    await trx.updateTable('event_series').set({ rule, starts_at: moved, exceptions: later.join(','), updated_at: now }).where('id', '=', series.id).execute()
    return series.id
  }
  const id = newId()
  const next: Insertable<EventSeriesTable> = { ...series, id, rule, starts_at: moved, exceptions: later.join(','), created_at: now, updated_at: now }
  await trx.insertInto('event_series').values(next).execute()
  await trx.updateTable('event_series').set({ rule: ruleEndingBefore(series.rule, origin), exceptions: exceptions.filter(d => d < editedDate).join(','), updated_at: now })
    .where('id', '=', series.id).execute()
  await trx.updateTable('events').set({ series_id: id }).where('series_id', '=', series.id).where('starts_at', '>=', edited.starts_at).execute()
  return id
}

const countOf = (rule: string) => Number(/(?:^|;)COUNT=(\d+)/.exec(rule)?.[1] ?? 0)

/** A series as its calendar file needs it: the rule, the first start, the dates skipped (with cancelled occurrences). */
export async function seriesCalendar(db: Kysely<Database>, seriesId: string) {
  const series = await db.selectFrom('event_series').selectAll().where('id', '=', seriesId).executeTakeFirst()
  if (!series) return undefined
  const occurrences = await db.selectFrom('events').select(['starts_at', 'ends_at', 'series_start', 'status']).where('series_id', '=', seriesId).execute()
  // Cancelled occurrences are skipped, and so are drafts: nobody can book them.
  const cancelled = occurrences.filter(o => o.status === 'cancelled' || o.status === 'draft').map(o => ({ starts_at: o.series_start ?? o.starts_at }))
  // A skipped date at the series' own time of day (Beijing): the instant the rule would have made.
  const skipped = listOf(series.exceptions).map(d => shift(series.starts_at, beijingDaysBetween(series.starts_at, `${d}T04:00:00.000Z`) * 86_400_000))
  const exdates = [...new Set([...skipped, ...cancelled.map(c => c.starts_at)])].sort()
  // A class moved on its own: its own entry, named by the start the rule gave it (RECURRENCE-ID).
  const overrides = occurrences.filter(o => o.status === 'published' && o.series_start && o.series_start !== o.starts_at)
    .map(o => ({ recurrenceId: o.series_start!, startsAt: o.starts_at, endsAt: o.ends_at }))
  return { id: series.id, rule: series.rule, startsAt: series.starts_at, exdates, overrides }
}
