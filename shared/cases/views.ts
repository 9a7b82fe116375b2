import { z } from 'zod'
import { listOf, localizedView, pageOf, timestampSchema } from '../primitives'
import { callStates, caseCriteria, caseStatuses, caseThemes, reportReasons } from './vocabulary'

const criterionNumbers = z.object(Object.fromEntries(caseCriteria.map(c => [c, z.number()])) as Record<typeof caseCriteria[number], z.ZodNumber>)

/** One picture in its widths: WebP in `srcset`, a JPEG fallback in `src`. */
export const imageView = z.object({
  id: z.string(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  src: z.string(),
  srcset: z.string(),
  jpegSrcset: z.string(),
})
export type ImageView = z.infer<typeof imageView>

export const outcomeView = z.object({ label: z.string(), value: z.number(), unit: z.string() })
export type OutcomeView = z.infer<typeof outcomeView>

export const rankingRow = z.object({
  rank: z.number().int(),
  slug: z.string(),
  title: z.string(),
  organisation: z.string(),
  /** The experts' weighted mean, 1–5. */
  expertMean: z.number().nullable(),
  expertPart: z.number(),
  votes: z.number().int(),
  votePart: z.number(),
  score: z.number(),
  awarded: z.boolean(),
})
export type RankingRow = z.infer<typeof rankingRow>

export const callView = z.object({
  slug: z.string(),
  year: z.number().int(),
  title: localizedView,
  rules: localizedView,
  opensAt: timestampSchema,
  closesAt: timestampSchema,
  voteOpensAt: timestampSchema,
  voteClosesAt: timestampSchema,
  votesPerPerson: z.number().int(),
  /** Percent of the final score from the public vote. */
  voteWeight: z.number().int(),
  weights: criterionNumbers,
  themes: z.array(z.enum(caseThemes)),
  state: z.enum(callStates),
  votingOpen: z.boolean(),
  publishedCases: z.number().int(),
  /** The final ranking, once an admin has published it. */
  ranking: z.array(rankingRow).nullable(),
})
export type CallView = z.infer<typeof callView>
export const callList = listOf(callView)

export const caseCard = z.object({
  slug: z.string(),
  title: z.string(),
  organisation: z.string(),
  district: z.string(),
  districtName: localizedView,
  theme: z.enum(caseThemes),
  summary: z.string(),
  year: z.number().int(),
  call: z.object({ slug: z.string(), title: localizedView }),
  cover: imageView.nullable(),
  awarded: z.boolean(),
  votes: z.number().int(),
})
export type CaseCard = z.infer<typeof caseCard>
export const casePage = pageOf(caseCard)

export const caseView = caseCard.extend({
  descriptionHtml: z.string(),
  outcomes: z.array(outcomeView),
  images: z.array(imageView),
  creditCode: z.string(),
  votingOpen: z.boolean(),
  votesPerPerson: z.number().int(),
  publishedAt: timestampSchema.nullable(),
})
export type CaseView = z.infer<typeof caseView>

export const voteResult = z.object({ votes: z.number().int(), votesLeft: z.number().int() })
export type VoteResult = z.infer<typeof voteResult>
export const reportCreated = z.object({ id: z.string() })

/** What the submitter sees and edits (with the edit code or their session). */
export const submissionView = z.object({
  id: z.string(),
  call: z.object({ slug: z.string(), title: localizedView, closesAt: timestampSchema }),
  status: z.enum(caseStatuses),
  rejectReason: z.string().nullable(),
  /** Until the deadline, while a draft or submitted and not yet in review. */
  editable: z.boolean(),
  /** The public page, once published. */
  slug: z.string().nullable(),
  fields: z.object({
    title: z.string(),
    organisationName: z.string().nullable(),
    creditCode: z.string().nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
    district: z.string().nullable(),
    theme: z.enum(caseThemes).nullable(),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    outcomes: z.array(outcomeView),
  }),
  images: z.array(imageView),
  /** The fields that still need filling in before the case can be submitted. */
  missing: z.array(z.string()),
  submittedAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
})
export type SubmissionView = z.infer<typeof submissionView>
export const submissionCreated = z.object({ id: z.string(), editCode: z.string(), status: z.enum(caseStatuses) })
export type SubmissionCreated = z.infer<typeof submissionCreated>

const caseSummaryFields = {
  id: z.string(),
  title: z.string(),
  organisationName: z.string().nullable(),
  creditCode: z.string().nullable(),
  theme: z.enum(caseThemes).nullable(),
  district: z.string().nullable(),
  call: z.object({ slug: z.string(), title: localizedView }),
  status: z.enum(caseStatuses),
}

const criterionReviewView = z.object({ score: z.number().int(), comment: z.string() })
export const reviewView = z.object({
  reviewer: z.string(),
  criteria: z.object(Object.fromEntries(caseCriteria.map(c => [c, criterionReviewView])) as Record<typeof caseCriteria[number], typeof criterionReviewView>),
  weighted: z.number(),
  submittedAt: timestampSchema,
})
export type ReviewView = z.infer<typeof reviewView>

/** A reviewer's list: only the cases assigned to them. */
export const reviewerCaseItem = z.object({
  ...caseSummaryFields,
  reviewState: z.enum(['to-do', 'done', 'recused']),
})
export const reviewerCaseList = listOf(reviewerCaseItem)

/** A reviewer sees the others' scores only after handing in their own. */
export const reviewerCaseView = z.object({
  ...caseSummaryFields,
  summary: z.string().nullable(),
  descriptionHtml: z.string(),
  outcomes: z.array(outcomeView),
  images: z.array(imageView),
  weights: criterionNumbers,
  reviewState: z.enum(['to-do', 'done', 'recused']),
  mine: reviewView.nullable(),
  others: z.array(reviewView).nullable(),
})
export type ReviewerCaseView = z.infer<typeof reviewerCaseView>

export const conflictsView = z.object({ creditCodes: z.array(z.string()) })

/** An admin's overview: weighted mean, spread, who has not reviewed yet. */
export const adminCaseItem = z.object({
  ...caseSummaryFields,
  hidden: z.boolean(),
  reviewers: z.number().int(),
  reviewsDone: z.number().int(),
  missingReviewers: z.array(z.string()),
  weightedMean: z.number().nullable(),
  spread: z.number().nullable(),
  votes: z.number().int(),
  openReports: z.number().int(),
})
export type AdminCaseItem = z.infer<typeof adminCaseItem>
export const adminCasePage = pageOf(adminCaseItem)

export const adminCaseView = adminCaseItem.extend({
  summary: z.string().nullable(),
  descriptionHtml: z.string(),
  outcomes: z.array(outcomeView),
  images: z.array(imageView),
  slug: z.string().nullable(),
  rejectReason: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  moves: z.array(z.enum(caseStatuses)),
  assigned: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(['to-do', 'done', 'recused']), recuseNote: z.string().nullable() })),
  reviews: z.array(reviewView),
  reports: z.array(z.object({ id: z.string(), reason: z.enum(reportReasons), details: z.string().nullable(), createdAt: timestampSchema, resolvedAt: timestampSchema.nullable() })),
})
export type AdminCaseView = z.infer<typeof adminCaseView>

export const reviewerOption = z.object({ id: z.string(), name: z.string(), conflict: z.boolean() })
export const reviewerOptions = listOf(reviewerOption)

export const contactRevealed = z.object({ contactName: z.string(), contactPhone: z.string() })

export const adminCallItem = callView.extend({ id: z.string(), submissions: z.number().int() })
export const adminCallList = listOf(adminCallItem)

/** One row of the open-data export: published cases only, no personal data; the ranking's columns are null until it is published. */
export const exportRow = z.object({
  rank: z.number().int().nullable(),
  slug: z.string(),
  title: z.string(),
  organisation: z.string(),
  creditCode: z.string(),
  district: z.string(),
  theme: z.enum(caseThemes),
  expertMean: z.number().nullable(),
  expertPart: z.number().nullable(),
  votes: z.number().int(),
  votePart: z.number().nullable(),
  score: z.number().nullable(),
  awarded: z.boolean(),
})
export const exportDocument = z.object({
  call: z.object({ slug: z.string(), title: localizedView, year: z.number().int(), voteWeight: z.number().int(), weights: criterionNumbers }),
  formula: z.string(),
  rankingPublished: z.boolean(),
  generatedAt: timestampSchema,
  licence: z.string(),
  rows: z.array(exportRow),
})
export type ExportDocument = z.infer<typeof exportDocument>

export type AdminCallItem = z.infer<typeof adminCallItem>
export type ReviewerCaseItem = z.infer<typeof reviewerCaseItem>
