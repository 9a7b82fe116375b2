import { createError } from 'h3'
import type { Kysely, Selectable } from 'kysely'
import type { AuthUser } from '#shared/accounts/schemas'
import { weightedScore } from '#shared/cases/ranking'
import type { ReviewBody } from '#shared/cases/requests'
import { caseCriteria } from '#shared/cases/vocabulary'
import type { ReviewerCaseView, ReviewView } from '#shared/cases/views'
import type { CaseReviewsTable, Database } from '~~/server/database/schema'
import { nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { renderMarkdown } from '~~/server/utils/markdown'
import { weightsOf, type CallRow } from './calls'
import { scoresOf, type StoredScores } from './ranking'
import { imagesOf, outcomesOf, type SubmissionRow } from './views'

type ReviewRow = Selectable<CaseReviewsTable>
export type ReviewState = 'to-do' | 'done' | 'recused'
export const reviewState = (r: Pick<ReviewRow, 'recused_at' | 'submitted_at'>): ReviewState => (r.recused_at ? 'recused' : r.submitted_at ? 'done' : 'to-do')

export const summaryOf = (row: SubmissionRow, call: CallRow) => ({
  id: row.id, title: row.title, organisationName: row.organisation_name, creditCode: row.credit_code, theme: row.theme, district: row.district,
  call: { slug: call.slug, title: { zh: call.title_zh, en: call.title_en } }, status: row.status,
})

export function reviewViewOf(r: Pick<ReviewRow, 'scores_json' | 'submitted_at'>, reviewer: string, call: CallRow): ReviewView {
  const stored = JSON.parse(r.scores_json!) as StoredScores
  return {
    reviewer, weighted: Math.round(weightedScore(scoresOf(r.scores_json!), weightsOf(call)) * 100) / 100, submittedAt: r.submitted_at!,
    criteria: Object.fromEntries(caseCriteria.map(c => [c, { score: stored[c].score, comment: stored[c].comment }])) as ReviewView['criteria'],
  }
}

export async function declaredCodes(db: Kysely<Database>, reviewerId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_reviewer_conflicts').select('credit_code').where('reviewer_id', '=', reviewerId).orderBy('credit_code').execute()
  return rows.map(r => r.credit_code)
}

/** A conflict of interest: the reviewer declared the case's organisation, or belongs to the organisation that submitted it. */
export function inConflict(reviewer: { id: string, organisation_id: string | null }, codes: string[], row: Pick<SubmissionRow, 'credit_code' | 'organisation_id'>) {
  return (!!row.credit_code && codes.includes(row.credit_code)) || (!!reviewer.organisation_id && reviewer.organisation_id === row.organisation_id)
}

async function assignment(db: Kysely<Database>, city: string, user: AuthUser, id: string) {
  const found = await db.selectFrom('case_reviews as r').innerJoin('case_submissions as s', 's.id', 'r.submission_id').innerJoin('case_calls as c', 'c.id', 's.call_id')
    .select(['r.submission_id', 'r.recused_at', 'r.submitted_at', 'r.scores_json']).where('r.reviewer_id', '=', user.id).where('r.submission_id', '=', id).where('c.city_slug', '=', city)
    .executeTakeFirst()
  if (!found) throw createError({ statusCode: 403, message: 'This case is not assigned to you', data: { reason: 'not-assigned' } })
  const row = await db.selectFrom('case_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const call = await db.selectFrom('case_calls').selectAll().where('id', '=', row.call_id).executeTakeFirstOrThrow()
  return { review: found, row, call }
}

export async function reviewerCases(db: Kysely<Database>, city: string, user: AuthUser) {
  const rows = await db.selectFrom('case_reviews as r').innerJoin('case_submissions as s', 's.id', 'r.submission_id').innerJoin('case_calls as c', 'c.id', 's.call_id')
    .selectAll('s').select(['r.recused_at', 'r.submitted_at as reviewed_at', 'c.slug as call_slug', 'c.title_zh as call_title_zh', 'c.title_en as call_title_en'])
    .where('r.reviewer_id', '=', user.id).where('c.city_slug', '=', city).orderBy('r.assigned_at', 'desc').execute()
  return {
    items: rows.map(r => ({
      id: r.id, title: r.title, organisationName: r.organisation_name, creditCode: r.credit_code, theme: r.theme, district: r.district,
      call: { slug: r.call_slug, title: { zh: r.call_title_zh, en: r.call_title_en } }, status: r.status,
      reviewState: reviewState({ recused_at: r.recused_at, submitted_at: r.reviewed_at }),
    })),
  }
}

/** The case as a reviewer sees it: the other reviews only once their own is in. */
export async function reviewerCaseView(db: Kysely<Database>, city: string, user: AuthUser, id: string): Promise<ReviewerCaseView> {
  const { review, row, call } = await assignment(db, city, user, id)
  const state = reviewState(review)
  let others: ReviewView[] | null = null
  if (state === 'done') {
    const rows = await db.selectFrom('case_reviews').select(['scores_json', 'submitted_at']).where('submission_id', '=', id).where('reviewer_id', '!=', user.id)
      .where('submitted_at', 'is not', null).where('recused_at', 'is', null).orderBy('submitted_at').execute()
    others = rows.map((r, i) => reviewViewOf(r, String.fromCharCode(65 + i), call))
  }
  return {
    ...summaryOf(row, call), summary: row.summary, descriptionHtml: renderMarkdown(row.description ?? ''), outcomes: outcomesOf(row),
    images: (await imagesOf(db, [id], 'granted')).get(id) ?? [], weights: weightsOf(call), reviewState: state,
    mine: state === 'done' ? reviewViewOf(review, user.displayName, call) : null, others,
  }
}

const reviewable = ['in-review', 'shortlisted'] as const

export async function submitReview(db: Kysely<Database>, city: string, user: AuthUser, id: string, body: ReviewBody) {
  const { review, row } = await assignment(db, city, user, id)
  if (review.recused_at) throw createError({ statusCode: 409, message: 'You stood down from this case', data: { reason: 'recused' } })
  if (review.submitted_at) throw createError({ statusCode: 409, message: 'Your review of this case is already in', data: { reason: 'already-reviewed' } })
  if (!(reviewable as readonly string[]).includes(row.status)) throw createError({ statusCode: 409, message: 'This case is not in review', data: { reason: 'not-in-review' } })
  const me = await db.selectFrom('users').select(['id', 'organisation_id']).where('id', '=', user.id).executeTakeFirstOrThrow()
  if (inConflict(me, await declaredCodes(db, user.id), row)) throw createError({ statusCode: 403, message: 'You declared a conflict of interest with this organisation', data: { reason: 'conflict' } })
  // Handed in once: the guard makes a second, concurrent submit change nothing.
  const done = await db.updateTable('case_reviews').set({ scores_json: JSON.stringify(body), submitted_at: nowIso() })
    .where('submission_id', '=', id).where('reviewer_id', '=', user.id).where('submitted_at', 'is', null).where('recused_at', 'is', null).executeTakeFirst()
  if (!Number(done.numUpdatedRows)) throw createError({ statusCode: 409, message: 'Your review of this case is already in', data: { reason: 'already-reviewed' } })
}

export async function recuse(db: Kysely<Database>, city: string, user: AuthUser, id: string, note: string) {
  await assignment(db, city, user, id)
  const done = await db.updateTable('case_reviews').set({ recused_at: nowIso(), recuse_note: note })
    .where('submission_id', '=', id).where('reviewer_id', '=', user.id).where('submitted_at', 'is', null).where('recused_at', 'is', null).executeTakeFirst()
  if (!Number(done.numUpdatedRows)) throw createError({ statusCode: 409, message: 'Your review is already in, or you already stood down', data: { reason: 'already-reviewed' } })
}

/** Replaces the reviewer's declared organisations; open assignments to their cases are stood down. */
export async function setConflicts(db: Kysely<Database>, user: AuthUser, codes: string[]) {
  const unique = [...new Set(codes)].sort()
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom('case_reviewer_conflicts').where('reviewer_id', '=', user.id).execute()
    if (!unique.length) return
    await trx.insertInto('case_reviewer_conflicts').values(unique.map(c => ({ reviewer_id: user.id, credit_code: c, created_at: nowIso() })))
      .onConflict(oc => oc.columns(['reviewer_id', 'credit_code']).doNothing()).execute()
    const affected = trx.selectFrom('case_submissions').select('id').where('credit_code', 'in', unique)
    await trx.updateTable('case_reviews').set({ recused_at: nowIso(), recuse_note: 'Declared organisation' })
      .where('reviewer_id', '=', user.id).where('submitted_at', 'is', null).where('recused_at', 'is', null).where('submission_id', 'in', affected).execute()
  })
  return { creditCodes: unique }
}
