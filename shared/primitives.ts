import { z } from 'zod'
import { normalizeMobile } from './utils/phone'

/** Codes of districts, venues, organisations and categories; also event slugs: lowercase letters, digits and dashes. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/
export const codeSchema = z.string().regex(CODE_PATTERN, 'lowercase letters, digits and dashes')
export const slugSchema = codeSchema

/** Codes residents read out or copy by hand: no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B. */
export const CODE_ALPHABET = 'ACEFGHJKMNPRTUVWXY34679'

/** A booking's confirmation code as residents read it out: 6–8 letters and digits, any case. */
export const CONFIRMATION_CODE_PATTERN = /^[A-Z0-9]{6,8}$/
export const confirmationCodeSchema = z.string().trim().toUpperCase().regex(CONFIRMATION_CODE_PATTERN)
export const isConfirmationCode = (text: string) => CONFIRMATION_CODE_PATTERN.test(text.trim().toUpperCase())

const MOBILE_MESSAGE = 'Enter an 11-digit mainland mobile number'

/** Parses what a resident typed into the normalized 11 digits; the issue carries an i18n key for the UI. */
export const mobileNumberSchema = z.string()
  .max(40, { message: MOBILE_MESSAGE })
  .transform((value, ctx) => {
    const mobile = normalizeMobile(value)
    if (mobile) return mobile
    ctx.addIssue({ code: 'custom', message: MOBILE_MESSAGE, params: { i18n: 'errors.mobile' } })
    return z.NEVER
  })

/** Text in both portal languages; zh-CN is the source, English is complete. */
export const localizedText = z.object({
  zh: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
}).strict()
export type LocalizedText = z.infer<typeof localizedText>
/** Text an organiser writes: Chinese is required, English is optional (stored as ''; English pages then show the Chinese, marked). */
export const chineseFirstText = z.object({
  zh: z.string().trim().min(1).max(2000),
  en: z.string().trim().max(2000).default(''),
}).strict()
/** Text in both languages as the API returns it; `en` is '' where only Chinese was written. */
export const localizedView = z.object({ zh: z.string(), en: z.string() })

/** A calendar day that exists (no 2026-13-01, no 2026-02-30): YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ message: 'a date as YYYY-MM-DD' })
/** An instant with its offset, stored as UTC. */
export const instantSchema = z.iso.datetime({ offset: true }).transform(v => new Date(v).toISOString())
/** An instant as the API returns it (ISO 8601, UTC). */
export const timestampSchema = z.string().meta({ format: 'date-time' })

/** Empty form fields are absent, so a plain GET form can leave a filter blank. */
export const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
export const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())
/** A query parameter given once or repeated (`?audience=a&audience=b`). */
export const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess(v => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(10).optional())

/** `page` and `pageSize` of every list endpoint. */
export function pageQuery(defaultSize: number, maxSize = 50) {
  return {
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(maxSize).default(defaultSize)),
  }
}

/** One page of a list, as every list endpoint returns it. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
export type Page<T> = { items: T[], total: number, page: number, pageSize: number }

/** A list that is not paged (a handful of rows). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })

export const okResponse = z.object({ ok: z.literal(true) })
export type OkResponse = z.infer<typeof okResponse>
