import { z } from 'zod'
import { chineseFirstText, codeSchema, instantSchema, mobileNumberSchema, optionalQuery, pageQuery } from '../primitives'
import { verificationTokenField } from '../verification/schemas'
import { isCreditCode, normalizeCreditCode } from './credit-code'
import { adminMoves, caseCriteria, caseStatuses, caseThemes, reportReasons, SCORE_MAX, SCORE_MIN } from './vocabulary'

const percent = z.number().int().min(0).max(100)

/** An admin's call for cases: everything here is shown on the call's public page. */
export const callBody = z.object({
  slug: codeSchema,
  // Chinese is enough (English optional; English pages show the Chinese, marked): as for events.
  title: chineseFirstText,
  rules: chineseFirstText,
  opensAt: instantSchema,
  /** The deadline for submissions. */
  closesAt: instantSchema,
  voteOpensAt: instantSchema,
  voteClosesAt: instantSchema,
  votesPerPerson: z.number().int().min(1).max(20),
  /** Percent of the final score that comes from the public vote. */
  voteWeight: z.number().int().min(0).max(50),
  /** Percent weights of 示范性, 创新性, 可推广性; they add up to 100. */
  weights: z.object({ exemplary: percent, innovative: percent, replicable: percent }).strict(),
}).strict().superRefine((b, ctx) => {
  if (b.closesAt <= b.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' })
  if (b.voteClosesAt <= b.voteOpensAt) ctx.addIssue({ code: 'custom', path: ['voteClosesAt'], message: 'must be after voteOpensAt' })
  if (b.voteOpensAt < b.opensAt) ctx.addIssue({ code: 'custom', path: ['voteOpensAt'], message: 'voting cannot open before the call' })
  const sum = b.weights.exemplary + b.weights.innovative + b.weights.replicable
  if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `the weights add up to ${sum}, not 100` })
})
export type CallBody = z.infer<typeof callBody>

export const callParams = z.object({ slug: codeSchema })
export const caseParams = z.object({ slug: codeSchema })
export const submissionParams = z.object({ id: z.uuid() })
export const imageParams = z.object({ id: z.uuid(), image: z.uuid() })
export const adminCaseParams = z.object({ id: z.uuid() })
export const adminCallParams = z.object({ id: z.uuid() })
/** `/api/cases/images/<hash>-<width>.<webp|jpg>` */
export const imageFileParams = z.object({ file: z.string().regex(/^[a-f0-9]{32}-\d{2,4}\.(webp|jpg)$/) })
/** The grant a picture of a case the public may not see carries (server/cases/image-access.ts). */
export const imageFileQuery = z.object({
  until: optionalQuery(z.coerce.number().int().min(0).max(99_999_999_999)),
  sig: optionalQuery(z.string().regex(/^[a-f0-9]{32}$/)),
})
const takedownReason = z.string().trim().min(5).max(300)
/** Why an admin takes one picture off a case (a personal-data report, say): kept in the audit log. */
export const takedownBody = z.object({ reason: takedownReason }).strict()
/** The admin's form for it: which picture, and why. */
export const takedownForm = z.object({ image: z.uuid(), reason: takedownReason })

export const casesQuery = z.object({
  call: optionalQuery(codeSchema),
  theme: optionalQuery(z.enum(caseThemes)),
  district: optionalQuery(codeSchema),
  year: optionalQuery(z.coerce.number().int().min(2000).max(2100)),
  ...pageQuery(12, 48),
})

export const creditCodeSchema = z.string().max(40).transform(normalizeCreditCode)
  .refine(isCreditCode, { message: 'Enter the 18-character unified social credit code; its last character does not match', params: { i18n: 'cases.errors.creditCode' } })

export const outcomeSchema = z.object({
  label: z.string().trim().min(1).max(40),
  value: z.number().finite().min(0).max(1e12),
  unit: z.string().trim().min(1).max(12),
}).strict()

/** Every field of a case as its submitter fills it in. */
export const caseFields = z.object({
  title: z.string().trim().min(4).max(60),
  organisationName: z.string().trim().min(2).max(80),
  creditCode: creditCodeSchema,
  contactName: z.string().trim().min(1).max(40),
  district: codeSchema,
  theme: z.enum(caseThemes),
  summary: z.string().trim().min(20).max(200),
  /** Markdown, rendered without raw HTML. */
  description: z.string().trim().min(50).max(8000),
  outcomes: z.array(outcomeSchema).min(1).max(6),
})

/**
 * A draft may be incomplete: only lengths' upper bounds and types are checked, so a
 * half-written summary is saved; submitting checks everything against caseFields.
 * The credit code, once typed, must be a real one (a typo is best caught at once).
 */
export const draftFields = z.object({
  title: z.string().trim().min(1).max(60),
  organisationName: z.string().trim().max(80),
  creditCode: creditCodeSchema,
  contactName: caseFields.shape.contactName,
  district: codeSchema,
  theme: z.enum(caseThemes),
  summary: z.string().trim().max(200),
  description: z.string().trim().max(8000),
  outcomes: z.array(outcomeSchema).max(6),
}).partial().strict()
export type DraftFields = z.infer<typeof draftFields>

/** POST /api/case-calls/:slug/submissions: a verified number (or a session), the contact, and whatever is filled in yet. */
export const submissionCreateBody = draftFields.extend({
  verificationToken: verificationTokenField.optional(),
  contactPhone: mobileNumberSchema,
  contactName: caseFields.shape.contactName,
  title: caseFields.shape.title,
}).strict()
export type SubmissionCreateBody = z.infer<typeof submissionCreateBody>

/** PATCH /api/case-submissions/:id: changed fields; `submit: true` hands the draft in (every field then required). */
export const submissionPatchBody = draftFields.extend({ submit: z.boolean().optional() }).strict()

/** The edit code a submitter got, sent as the `x-edit-code` header. */
export const EDIT_CODE_HEADER = 'x-edit-code'
export const editCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/)

/** The alt text every image needs (multipart field `alt`). */
export const imageAltSchema = z.string().trim().min(4).max(150)

export const voteBody = z.object({ verificationToken: verificationTokenField }).strict()

export const reportBody = z.object({
  reason: z.enum(reportReasons),
  details: z.string().trim().max(500).optional(),
}).strict()

const scoreSchema = z.number().int().min(SCORE_MIN).max(SCORE_MAX)
const criterionReview = z.object({ score: scoreSchema, comment: z.string().trim().min(5).max(1000) }).strict()
export const reviewBody = z.object(Object.fromEntries(caseCriteria.map(c => [c, criterionReview])) as Record<typeof caseCriteria[number], typeof criterionReview>).strict()
export type ReviewBody = z.infer<typeof reviewBody>

/** A reviewer stands down from one case. */
export const recuseBody = z.object({ note: z.string().trim().min(5).max(300) }).strict()

/** The organisations (by credit code) a reviewer works for or is tied to: their cases are never assigned to them. */
export const conflictsBody = z.object({ creditCodes: z.array(creditCodeSchema).max(20) }).strict()

export const assignBody = z.object({ reviewerIds: z.array(z.uuid()).min(1).max(10) }).strict()

const movable = caseStatuses.filter(s => Object.values(adminMoves).some(m => m.includes(s))) as [typeof caseStatuses[number], ...typeof caseStatuses[number][]]
export const statusBody = z.object({
  status: z.enum(movable),
  reason: z.string().trim().min(5).max(500).optional(),
}).strict().refine(b => b.status !== 'rejected' || !!b.reason, { path: ['reason'], message: 'A rejection needs a reason the submitter will read' })

export const visibilityBody = z.object({ hidden: z.boolean(), reason: z.string().trim().min(5).max(300) }).strict()
export const revealBody = z.object({ reason: z.string().trim().min(5).max(300) }).strict()

export const adminCasesQuery = z.object({
  call: optionalQuery(codeSchema),
  status: optionalQuery(z.enum(caseStatuses)),
  ...pageQuery(20, 100),
})

export const exportQuery = z.object({ bom: optionalQuery(z.enum(['0', '1'])) })

/** Publishes (or withdraws) a call's final ranking. */
export const rankingBody = z.object({ publish: z.boolean() }).strict()
