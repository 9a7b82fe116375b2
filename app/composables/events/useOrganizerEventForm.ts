import { eventCreateBody, eventPatchBody } from '#shared/events/organizer'
import type { EventFormat } from '#shared/events/vocabulary'
import type { FieldError } from '~/composables/useFormErrors'
import type { OrganizerEventDetail, OrganizerEventSaved } from '#shared/events/organizer'
import { beijingDate, MAX_OCCURRENCES, ruleText, seriesStarts, type RepeatRule } from '#shared/events/series'

export interface OrganizerEventTexts { title: string, summary: string, description: string, whatToBring: string }

/** What the event form holds: strings as typed (times as datetime-local values in Shanghai time). */
export interface OrganizerEventFormState {
  slug: string
  zh: OrganizerEventTexts
  en: OrganizerEventTexts
  startsAt: string
  endsAt: string
  bookingOpensAt: string
  bookingClosesAt: string
  format: EventFormat
  venueCode: string
  district: string
  category: string
  audience: string[]
  capacity: string
  maxPartySize: string
  organisationCode: string
  /** Slugs of the courses the event teaches. */
  courses: string[]
  /** 重复 (new events only): '' for once. Exceptions as typed: dates separated by spaces, commas or lines. */
  repeat: { frequency: '' | 'daily' | 'weekly', weekdays: string[], end: 'count' | 'until', count: string, until: string, except: string }
  /** An occurrence of a series: change only it, or it and the following ones. */
  scope: '' | 'this' | 'following'
}

/** What a save did: the event (the first of a new series), how many events changed and how many bookings were texted. */
export interface OrganizerEventSaveResult { id: string, occurrences: number, notified: number }

/** The event list's query after a save, for its notice (?saved=<id>&occurrences=6&notified=12). */
export const savedQuery = (r: OrganizerEventSaveResult) => ({
  saved: r.id, ...(r.occurrences > 1 ? { occurrences: String(r.occurrences) } : {}), ...(r.notified ? { notified: String(r.notified) } : {}),
})

/** The id of each field, in the order of the form: error links and the order of the error summary. */
export const organizerEventFieldIds: Record<string, string> = {
  organisationCode: 'event-org',
  titleZh: 'event-zh-title', summaryZh: 'event-zh-summary', descriptionZh: 'event-zh-description', whatToBringZh: 'event-zh-bring',
  titleEn: 'event-en-title', summaryEn: 'event-en-summary', descriptionEn: 'event-en-description', whatToBringEn: 'event-en-bring',
  slug: 'event-slug',
  startsAt: 'event-starts', endsAt: 'event-ends', bookingOpensAt: 'event-opens', bookingClosesAt: 'event-closes',
  format: 'event-format', venueCode: 'event-venue', district: 'event-district',
  category: 'event-category', audience: 'event-audience', capacity: 'event-capacity', maxPartySize: 'event-party',
  courses: 'event-courses',
  repeat: 'event-repeat', repeatWeekdays: 'event-repeat-days', repeatCount: 'event-repeat-count', repeatUntil: 'event-repeat-until', repeatExcept: 'event-repeat-except',
  scope: 'event-scope',
}
const fieldOrder = Object.keys(organizerEventFieldIds)

const texts = (t?: Partial<OrganizerEventTexts>): OrganizerEventTexts => ({ title: '', summary: '', description: '', whatToBring: '', ...t })

function stateFrom(e?: OrganizerEventDetail): OrganizerEventFormState {
  return {
    slug: e?.slug ?? '',
    zh: texts(e && { title: e.title.zh, summary: e.summary.zh, description: e.description.zh, whatToBring: e.whatToBring?.zh ?? '' }),
    en: texts(e && { title: e.title.en, summary: e.summary.en, description: e.description.en, whatToBring: e.whatToBring?.en ?? '' }),
    startsAt: toShanghaiInput(e?.startsAt), endsAt: toShanghaiInput(e?.endsAt),
    bookingOpensAt: toShanghaiInput(e?.bookingOpensAt), bookingClosesAt: toShanghaiInput(e?.bookingClosesAt),
    format: e?.format ?? 'onsite', venueCode: e?.venueCode ?? '', district: e?.district ?? '', category: e?.category ?? '',
    audience: [...(e?.audience ?? [])], capacity: e ? String(e.capacity) : '', maxPartySize: String(e?.maxPartySize ?? 4), organisationCode: '',
    courses: [...(e?.courses ?? [])],
    repeat: { frequency: '', weekdays: [], end: 'count', count: '', until: '', except: '' },
    scope: '',
  }
}

/** The dates typed as exceptions: 2026-12-25, 2026/12/25 or 2026年12月25日, separated by anything else. */
export const exceptionDates = (text: string) => [...text.matchAll(/(\d{4})\D(\d{1,2})\D(\d{1,2})/g)]
  .map(m => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`)

/** The form's repeat rule as the API takes it, or undefined for an event that happens once. */
function repeatFrom(s: OrganizerEventFormState): Record<string, unknown> | undefined {
  const r = s.repeat
  if (!r.frequency) return undefined
  return {
    frequency: r.frequency,
    ...(r.frequency === 'weekly' ? { weekdays: r.weekdays } : {}),
    ...(r.end === 'count' ? { count: r.count.trim() === '' ? Number.NaN : Number(r.count) } : { until: r.until }),
    except: exceptionDates(r.except),
  }
}

/** The classes a valid rule makes from the first class (ISO), or null when the rule or the start is not complete yet. */
export function plannedClasses(rule: RepeatRule | undefined, startsAt: string): string[] | null {
  if (!rule || !startsAt) return null
  try {
    return seriesStarts(ruleText(rule), new Date(startsAt).toISOString(), rule.except ?? [])
  }
  catch {
    return null
  }
}

/** The API body: both languages of each text, times with +08:00, numbers as numbers. */
function bodyFrom(s: OrganizerEventFormState): Record<string, unknown> {
  const pair = (k: keyof OrganizerEventTexts) => ({ zh: s.zh[k], en: s.en[k] })
  const bring = s.zh.whatToBring.trim() || s.en.whatToBring.trim() ? pair('whatToBring') : null
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v))
  return {
    slug: s.slug.trim(), title: pair('title'), summary: pair('summary'), description: pair('description'), whatToBring: bring,
    startsAt: fromShanghaiInput(s.startsAt), endsAt: fromShanghaiInput(s.endsAt),
    bookingOpensAt: fromShanghaiInput(s.bookingOpensAt), bookingClosesAt: fromShanghaiInput(s.bookingClosesAt),
    format: s.format, venueCode: s.format === 'onsite' && s.venueCode ? s.venueCode : null, district: s.district, category: s.category,
    audience: s.audience, capacity: num(s.capacity), maxPartySize: num(s.maxPartySize), courses: [...s.courses].sort(),
    ...(s.organisationCode ? { organisationCode: s.organisationCode } : {}),
    ...(s.repeat.frequency ? { repeat: repeatFrom(s) } : {}),
  }
}

/** A schema or API path as a form field: ['title', 'zh'] → titleZh. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [head, lang] = path.map(String)
  if (['title', 'summary', 'description', 'whatToBring'].includes(head!)) return `${head}${lang === 'en' ? 'En' : 'Zh'}`
  if (head === 'repeat' && lang) {
    const part = lang === 'except' ? 'Except' : lang === 'count' ? 'Count' : lang === 'until' ? 'Until' : lang === 'weekdays' ? 'Weekdays' : ''
    return `repeat${part}`
  }
  return head ?? '_'
}

/** Create (no event) or edit (an event): validation with the shared schemas, errors per field, and the API call. */
export function useOrganizerEventForm(event?: OrganizerEventDetail, opts: { needsOrganisation?: boolean } = {}) {
  const { t } = useTranslation()
  const form = reactive(stateFrom(event))
  const message = (field: string, status?: number) => {
    if (field === 'capacity' && status === 422 && event) return t('organizerEvents.form.errors.capacityBelow', { count: event.confirmedPlaces })
    if (field === 'slug' && status === 409) return t('organizerEvents.form.errors.slugTaken')
    return t(`organizerEvents.form.errors.${field}`, { defaultValue: t('organizerEvents.form.errors.generic') })
  }
  const { errors, byField, summary, show } = useFormErrors(message)

  function showFields(fields: string[], status?: number) {
    const unique = [...new Set(fields)].sort((a, b) => (fieldOrder.indexOf(a) + 1 || 99) - (fieldOrder.indexOf(b) + 1 || 99))
    show(unique.map((field): FieldError => ({ field, message: message(field, status) })))
  }

  /** The parsed event, or null after showing what to correct. */
  function validate() {
    const body = bodyFrom(form)
    const result = eventCreateBody.safeParse(body)
    const fields = result.success ? [] : result.error.issues.map(i => fieldOf(i.path))
    if (opts.needsOrganisation && !form.organisationCode) fields.push('organisationCode')
    // The schema checks the venue only once every field is valid; say it with the rest.
    if (form.format === 'onsite' && !form.venueCode) fields.push('venueCode')
    if (form.repeat.frequency && form.repeat.end === 'until' && !form.repeat.until) fields.push('repeatUntil')
    if (form.repeat.frequency && form.repeat.except.split(/[\s,，、;；]+/).filter(Boolean).some(d => !/^\d{4}\D\d{1,2}\D\d{1,2}\D?$/.test(d))) fields.push('repeatExcept')
    if (result.success && result.data.repeat) {
      // The same checks as the server's (server/events/series.ts): the first class is one the rule makes; 2 to 60 classes.
      const starts = plannedClasses(result.data.repeat, result.data.startsAt)
      const first = new Date(result.data.startsAt).toISOString()
      if (result.data.repeat.except?.includes(beijingDate(first)) || (starts && starts[0] !== first)) fields.push(result.data.repeat.frequency === 'weekly' ? 'repeatWeekdays' : 'repeatExcept')
      else if (starts && (starts.length < 2 || starts.length > MAX_OCCURRENCES)) fields.push(form.repeat.end === 'count' ? 'repeatCount' : 'repeatUntil')
    }
    if (event?.series && !form.scope) fields.push('scope')
    if (fields.length || !result.success) {
      showFields(fields)
      return null
    }
    return { body, parsed: result.data }
  }

  /** Saves; returns what was saved, or null when something must be corrected. */
  async function save(): Promise<OrganizerEventSaveResult | null> {
    const valid = validate()
    if (!valid) return null
    try {
      if (!event) {
        const created = await $fetch('/api/organizer/events', { method: 'POST', body: valid.body })
        return { id: created.id, occurrences: created.series?.occurrences ?? 1, notified: 0 }
      }
      // Only what changed: the audit log then names the fields that were edited.
      const changed = Object.keys(valid.parsed).filter(k => JSON.stringify(valid.parsed[k as keyof typeof valid.parsed]) !== JSON.stringify(event[k as keyof OrganizerEventDetail]))
      const patch: Record<string, unknown> = Object.fromEntries(changed.map(k => [k, valid.body[k]]))
      if (event.series && changed.length) patch.scope = form.scope
      const checked = eventPatchBody.safeParse(patch)
      if (!checked.success) {
        showFields(checked.error.issues.map(i => fieldOf(i.path)))
        return null
      }
      if (!changed.length) return { id: event.id, occurrences: 0, notified: 0 }
      // Named by the shared type: Nuxt's route typing would match the built path to the static …/events/import too.
      const saved = await $fetch<OrganizerEventSaved>(`/api/organizer/events/${encodeURIComponent(event.id)}`, { method: 'PATCH', body: patch })
      return { id: event.id, occurrences: saved.occurrences, notified: saved.notified }
    }
    catch (error) {
      const problem = apiProblem(error)
      const fields = Object.keys(problem.fieldErrors).map(k => fieldOf(k.split('.')))
      if (fields.length) showFields(fields, problem.status)
      else show([{ field: '_', message: t(problem.status === 403 ? 'organizerEvents.form.errors.forbidden' : 'organizerEvents.form.errors.generic') }])
      return null
    }
  }

  return { form, errors, byField, summary, save }
}
