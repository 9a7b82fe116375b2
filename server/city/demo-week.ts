import type { CityProfile } from '#shared/city/profile'

/** A week's first and last day, `YYYY-MM-DD` in the city. */
export interface WeekDates {
  startsOn: string
  endsOn: string
}

const DAY = 86_400_000

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

export const weekIsOver = (week: WeekDates, today: string): boolean => today > week.endsOn

/**
 * The week a demo serves from `today`: the profile's while it has not ended, else a week of the
 * same length from the coming Monday (today when it is a Monday).
 */
export function demoWeekFrom(profile: WeekDates, today: string): WeekDates {
  if (!weekIsOver(profile, today)) return profile
  const length = Math.round((Date.parse(`${profile.endsOn}T00:00:00Z`) - Date.parse(`${profile.startsOn}T00:00:00Z`)) / DAY)
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  const startsOn = addDays(today, (8 - weekday) % 7)
  return { startsOn, endsOn: addDays(startsOn, length) }
}

export type DemoWeekPlan
  = | { action: 'keep', week: WeekDates }
    | { action: 'start', week: WeekDates }
    | { action: 'rebuild', week: WeekDates, was: WeekDates }

/**
 * What start-up does with a demo database: keep the week it was made for until that week is over;
 * a database without one gets the week `demoWeekFrom` gives; one whose week is over is rebuilt
 * for the next week (restarting within a week keeps everything).
 */
export function planDemoWeek(profile: WeekDates, stored: WeekDates | null, today: string): DemoWeekPlan {
  if (!stored) return { action: 'start', week: demoWeekFrom(profile, today) }
  if (!weekIsOver(stored, today)) return { action: 'keep', week: stored }
  return { action: 'rebuild', week: demoWeekFrom(profile, today), was: stored }
}

/** The profile as the demo serves it: only the week's dates differ. */
export const withWeek = (city: CityProfile, week: WeekDates): CityProfile => ({ ...city, week: { ...city.week, ...week } })
