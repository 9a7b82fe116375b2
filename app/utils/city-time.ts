/**
 * The city's clock in staff forms: a `datetime-local` input holds a time in Beijing time, the API
 * takes and gives instants. Asia/Shanghai is UTC+8 all year (no daylight saving time).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** An instant as the value of a datetime-local input, on the clock in Asia/Shanghai; '' for none. */
export function toShanghaiInput(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN
  return Number.isNaN(ms) ? '' : new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16)
}

/** A datetime-local value read as Shanghai time, as ISO 8601 with +08:00; '' when incomplete, so that validation names the field. */
export function fromShanghaiInput(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(value.trim())
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00` : ''
}
