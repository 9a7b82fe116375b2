import type { TFunction } from 'i18next'
import { eventCreateBody, type EventCreateInput } from '#shared/events/organizer'
import { importColumns, type ImportColumnKey } from '#shared/events/import'
import { eventAudiences, eventCategories, eventFormats } from '#shared/events/vocabulary'
import { CODE_PATTERN } from '#shared/primitives'
import { slugFromTitle } from './slug'

/** What a sheet's rows are checked against, read once per import. */
export interface ImportRefs {
  venues: { id: string, code: string, name_zh: string, name_en: string, district_code: string }[]
  districts: { code: string, name_zh: string, name_en: string }[]
  /** Labels of categories, audiences and formats in both languages (common.json). */
  labels: { categories: Record<string, string[]>, audiences: Record<string, string[]>, formats: Record<string, string[]> }
  /** Every slug of the city's events, and this organisation's imported events by 外部编号. */
  slugs: Set<string>
  existing: Map<string, { id: string, slug: string, confirmed_places: number, status: string }>
  /** Now, as the default for 开始报名时间. */
  now: string
}

export type ImportCells = Partial<Record<ImportColumnKey, string | Date>>

export interface CheckedRow {
  row: number
  errors: string[]
  title: string
  input?: EventCreateInput & { slug: string }
  venueId?: string | null
  externalId?: string
  /** The event this row updates (same 外部编号 imported before). */
  existingId?: string
}

const header = Object.fromEntries(importColumns.map(c => [c.key, c.header])) as Record<ImportColumnKey, string>
const norm = (s: string) => s.trim().toLowerCase()

/** A time as the sheet holds it: a date cell (wall-clock Beijing time) or text like 2026-12-08 09:30 → ISO UTC. */
export function importTime(value: string | Date | undefined): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime() - 8 * 3_600_000).toISOString()
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?::(\d{2}))?)?$/.exec((value ?? '').trim())
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0'] = m
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi))
  // No 2026-02-30 rolling over into March, no 25:00.
  const back = new Date(date.getTime() + 8 * 3_600_000)
  if (back.getUTCDate() !== +d! || back.getUTCMonth() !== +mo! - 1 || +h > 23 || +mi > 59) return undefined
  return date.toISOString()
}

/** A code or any of its labels → the code. */
function choice(value: string, codes: readonly string[], labels: Record<string, string[]>): string | undefined {
  const v = norm(value)
  return codes.find(c => c === v || labels[c]?.some(l => norm(l) === v))
}

/** Checks one row and builds the event it describes; every problem is said in the organiser's words. */
export function checkImportRow(cells: ImportCells, row: number, refs: ImportRefs, t: TFunction, seen: Map<string, number>, claimed: Set<string>): CheckedRow {
  const errors: string[] = []
  const text = (key: ImportColumnKey) => {
    const v = cells[key]
    return v instanceof Date ? v.toISOString() : (v ?? '').trim()
  }
  const say = (key: string, params: Record<string, unknown> = {}) => errors.push(t(`organizerEvents.import.errors.${key}`, params))
  for (const c of importColumns) if ('required' in c && c.required && !text(c.key)) say('required', { column: c.header })

  const time = (key: ImportColumnKey) => {
    if (!text(key)) return undefined
    const iso = importTime(cells[key])
    if (!iso) say('notTime', { column: header[key], value: text(key) })
    return iso
  }
  const startsAt = time('startsAt')
  const endsAt = time('endsAt')
  const opens = time('bookingOpensAt')
  const closes = time('bookingClosesAt')

  const format = text('format') ? choice(text('format'), eventFormats, { ...refs.labels.formats, onsite: [...refs.labels.formats.onsite ?? [], '现场', '线下'], online: [...refs.labels.formats.online ?? [], '线上', '网上'] }) : 'onsite'
  if (!format) say('notChoice', { column: header.format, value: text('format') })

  let venue: ImportRefs['venues'][number] | undefined
  if (text('venue')) {
    const v = norm(text('venue'))
    venue = refs.venues.find(x => x.code === v || norm(x.name_zh) === v || norm(x.name_en) === v)
    if (!venue) say('notFound', { column: header.venue, value: text('venue') })
  }
  else if (format === 'onsite') {
    say('venueNeeded')
  }
  let district = venue?.district_code
  if (text('district')) {
    const v = norm(text('district'))
    const found = refs.districts.find(d => d.code === v || norm(d.name_zh) === v || norm(d.name_en) === v)
    if (!found) say('notFound', { column: header.district, value: text('district') })
    else if (venue && venue.district_code !== found.code) say('districtMismatch', { venue: venue.name_zh, district: found.name_zh })
    district = found?.code ?? district
  }
  else if (!venue && format === 'online') {
    say('required', { column: header.district })
  }

  const category = text('category') ? choice(text('category'), eventCategories, refs.labels.categories) : undefined
  if (text('category') && !category) say('notChoice', { column: header.category, value: text('category') })
  const audience: string[] = []
  for (const part of text('audience').split(/[、,，;；/]+/).map(s => s.trim()).filter(Boolean)) {
    const code = choice(part, eventAudiences, refs.labels.audiences)
    if (code) audience.push(code)
    else say('notChoice', { column: header.audience, value: part })
  }

  const whole = (key: ImportColumnKey, min: number, max: number, fallback?: number) => {
    if (!text(key)) return fallback
    const n = Number(text(key))
    if (!Number.isInteger(n) || n < min || n > max) say('notNumber', { column: header[key], value: text(key), min, max })
    return n
  }
  const capacity = whole('capacity', 1, 5000)
  const maxPartySize = whole('maxPartySize', 1, 20, 4)

  if (startsAt && endsAt && endsAt <= startsAt) say('startAfterEnd')
  const bookingOpensAt = opens ?? refs.now
  const bookingClosesAt = closes ?? startsAt
  if (bookingClosesAt && bookingClosesAt <= bookingOpensAt) say('closesBeforeOpens')
  // Left blank, booking closes at the start, which the check above already holds against the end.
  if (closes && endsAt && closes > endsAt) say('closesAfterEnd')

  const externalId = text('externalId') || undefined
  const existing = externalId ? refs.existing.get(externalId) : undefined
  if (externalId) {
    const before = seen.get(externalId)
    if (before) say('duplicateId', { column: header.externalId, value: externalId, row: before })
    else seen.set(externalId, row)
  }
  if (existing?.status === 'cancelled') say('notEditable', { value: externalId })
  if (existing && capacity && capacity < existing.confirmed_places) say('capacityBelow', { count: existing.confirmed_places })

  let slug = text('slug').toLowerCase()
  if (slug && !CODE_PATTERN.test(slug)) say('badSlug', { column: header.slug, value: text('slug') })
  else if (slug && slug !== existing?.slug && (refs.slugs.has(slug) || claimed.has(slug))) say('slugTaken', { column: header.slug, value: slug })
  if (!slug) slug = existing?.slug ?? nextFreeSlug(slugFromTitle(text('titleZh')), refs.slugs, claimed)

  const title = text('titleZh')
  if (errors.length) return { row, errors, title }
  const body = {
    slug,
    title: { zh: title, en: text('titleEn') },
    summary: { zh: text('summaryZh'), en: text('summaryEn') },
    description: { zh: text('descriptionZh'), en: text('descriptionEn') },
    whatToBring: text('whatToBringZh') ? { zh: text('whatToBringZh'), en: '' } : null,
    startsAt, endsAt, bookingOpensAt, bookingClosesAt, venueCode: venue?.code ?? null, district, category, audience, format, capacity, maxPartySize,
  }
  const parsed = eventCreateBody.safeParse(body)
  if (!parsed.success) {
    const columns = new Set(parsed.error.issues.map(i => columnOf(i.path.map(String))))
    for (const column of columns) say('tooLong', { column })
    return { row, errors, title }
  }
  claimed.add(slug)
  return { row, errors, title, input: { ...parsed.data, slug }, venueId: venue?.id ?? null, externalId, existingId: existing?.id }
}

/** The sheet's column for a schema path: ['title', 'zh'] → 活动名称. */
function columnOf([head, lang]: string[]): string {
  const key = (['title', 'summary', 'description', 'whatToBring'].includes(head!) ? `${head}${lang === 'en' ? 'En' : 'Zh'}` : head === 'venueCode' ? 'venue' : head) as ImportColumnKey
  return header[key] ?? head!
}

/** `base`, else `base-2`, `base-3`… free among the city's slugs and those this import has claimed. */
function nextFreeSlug(base: string, slugs: Set<string>, claimed: Set<string>): string {
  const free = (s: string) => !slugs.has(s) && !claimed.has(s)
  if (free(base)) return base
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`
}
