import * as rrulePackage from 'rrule'
import type { Options, Weekday } from 'rrule'
import { z } from 'zod'

// The package's ESM build has named exports; Node (the built server, tests) loads its UMD build, whose exports sit under default.
const { RRule } = (rrulePackage as typeof rrulePackage & { default?: typeof rrulePackage }).default ?? rrulePackage
type RRule = InstanceType<typeof RRule>

/**
 * Repeating classes (重复) on the iCalendar RRULE model (RFC 5545), through the rrule package.
 *
 * Rules are read in Beijing time (Asia/Shanghai keeps UTC+8 all year): the rrule package works on
 * "wall clock" dates, here the Beijing time written as if it were UTC, so BYDAY means a Beijing weekday
 * even for a class at 07:00 (23:00 UTC the day before). A stored rule's UNTIL is a real UTC instant,
 * as RFC 5545 asks when DTSTART has a TZID. COUNT counts the skipped dates too (EXDATE removes
 * occurrences from what the rule makes), as every calendar reads it.
 */

export const seriesWeekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type SeriesWeekday = typeof seriesWeekdays[number]
/** The most occurrences one series may make (a term of two classes a week, with room). */
export const MAX_OCCURRENCES = 60

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
const OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** The event form's "重复": every day, or every week on chosen days; until a date or a number of times; dates to skip. */
export const repeatRule = z.object({
  frequency: z.enum(['daily', 'weekly']),
  /** Weekly only: the days of the week (Beijing time); they must include the first class's day. */
  weekdays: z.array(z.enum(seriesWeekdays)).max(7).optional(),
  /** The last day classes may fall on (Beijing date), or… */
  until: localDate.optional(),
  /** …how many times (skipped dates count too). */
  count: z.number().int().min(2).max(MAX_OCCURRENCES).optional(),
  /** Beijing dates without a class (holidays). */
  except: z.array(localDate).max(MAX_OCCURRENCES).optional(),
}).strict().superRefine((r, ctx) => {
  if ((r.until === undefined) === (r.count === undefined)) ctx.addIssue({ code: 'custom', path: ['until'], message: 'Give either an end date or a number of times' })
  if (r.frequency === 'weekly' && !r.weekdays?.length) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Choose at least one day of the week' })
})
export type RepeatRule = z.infer<typeof repeatRule>

/** "Change only this one" or "this and all following occurrences" when editing an occurrence of a series. */
export const seriesScopes = ['this', 'following'] as const

/** RRULE text without its "RRULE:" name, as stored. */
const bare = (options: Partial<Options>) => RRule.optionsToString(options).replace(/^RRULE:/, '')

const toWall = (iso: string) => new Date(Date.parse(iso) + OFFSET_MS)
const fromWall = (d: Date) => new Date(d.getTime() - OFFSET_MS).toISOString()
/** The Beijing date of an instant: 2026-12-08. */
export const beijingDate = (iso: string) => toWall(iso).toISOString().slice(0, 10)
/** Monday-first weekday code of an instant in Beijing. */
export const beijingWeekday = (iso: string): SeriesWeekday => seriesWeekdays[(toWall(iso).getUTCDay() + 6) % 7]!

const byDay: Record<SeriesWeekday, Weekday> = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU }

/** The RRULE (without DTSTART) for a form's rule: FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6, or UNTIL=…Z at the end of the Beijing day. */
export function ruleText(rule: RepeatRule): string {
  const options: Partial<Options> = {
    freq: rule.frequency === 'daily' ? RRule.DAILY : RRule.WEEKLY,
    ...(rule.frequency === 'weekly' ? { byweekday: seriesWeekdays.filter(d => rule.weekdays?.includes(d)).map(d => byDay[d]) } : {}),
    ...(rule.count !== undefined ? { count: rule.count } : {}),
    ...(rule.until !== undefined ? { until: new Date(Date.parse(`${rule.until}T23:59:59+08:00`)) } : {}),
  }
  return bare(options)
}

/** The rule's options with its UNTIL on the wall clock, ready to expand from `startsAt`. */
function wallRule(rule: string, startsAt: string): RRule {
  const options = RRule.parseString(rule.replace(/^RRULE:/, ''))
  return new RRule({ ...options, ...(options.until ? { until: new Date(options.until.getTime() + OFFSET_MS) } : {}), dtstart: toWall(startsAt), tzid: null })
}

/**
 * The starts of a series (ISO UTC), skipped dates left out; at most MAX_OCCURRENCES + 1, so a
 * caller can tell a rule that makes too many. The first is `startsAt` itself when the rule matches it.
 */
export function seriesStarts(rule: string, startsAt: string, exceptions: readonly string[] = []): string[] {
  const skip = new Set(exceptions)
  const all = wallRule(rule, startsAt).all((_, i) => i < MAX_OCCURRENCES + 1 + skip.size)
  return all.map(fromWall).filter(iso => !skip.has(beijingDate(iso))).slice(0, MAX_OCCURRENCES + 1)
}

/** How many starts the rule makes before `before` (skipped dates counted, as COUNT counts them). */
export function startsBefore(rule: string, startsAt: string, before: string): number {
  return wallRule(rule, startsAt).between(toWall(startsAt), toWall(before), true).filter(d => fromWall(d) < before).length
}

/** The rule ended just before `before`: COUNT gives way to UNTIL (RRULE allows only one of them). */
export function ruleEndingBefore(rule: string, before: string): string {
  const { count: _count, until: _until, ...options } = RRule.parseString(rule.replace(/^RRULE:/, ''))
  return bare({ ...options, until: new Date(Date.parse(before) - 1000) })
}

/**
 * The rule for the occurrences from one on, moved by `days` (Beijing days) when the time moved:
 * its weekdays turn with it, UNTIL moves with it, and COUNT becomes what is left (`left`).
 */
export function ruleFrom(rule: string, days: number, left: number): string {
  const options = RRule.parseString(rule.replace(/^RRULE:/, ''))
  const turn = (w: Weekday | number) => byDay[seriesWeekdays[(((typeof w === 'number' ? w : w.weekday) + days) % 7 + 7) % 7]!]
  const byweekday = options.byweekday === undefined || options.byweekday === null
    ? undefined
    : (Array.isArray(options.byweekday) ? options.byweekday : [options.byweekday]).map(w => turn(w as Weekday | number))
  return bare({
    ...options,
    ...(byweekday ? { byweekday } : {}),
    ...(options.count ? { count: left } : {}),
    ...(options.until ? { until: new Date(options.until.getTime() + days * DAY_MS) } : {}),
  })
}

/** Whole Beijing days between two instants' dates (2026-12-08 22:00 → 2026-12-09 09:00 is 1). */
export const beijingDaysBetween = (from: string, to: string) => Math.round((Date.parse(`${beijingDate(to)}T00:00:00Z`) - Date.parse(`${beijingDate(from)}T00:00:00Z`)) / DAY_MS)

/** Shifts a Beijing date by whole days. */
export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
