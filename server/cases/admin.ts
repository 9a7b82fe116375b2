import { createError } from 'h3'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { AuthUser } from '#shared/accounts/schemas'
import { expertSummary } from '#shared/cases/ranking'
import { adminMoves, type CaseStatus } from '#shared/cases/vocabulary'
import type { AdminCaseItem, AdminCaseView } from '#shared/cases/views'
import { maskName, maskPhone } from '#shared/utils/mask'
import type { Database } from '~~/server/database/schema'
import { nowIso } from '~~/server/database/ids'
import { decryptText } from '~~/server/privacy/crypto'
import { renderMarkdown } from '~~/server/utils/markdown'
import { weightsOf, type CallRow } from './calls'
import { scoresOf } from './ranking'
import { declaredCodes, inConflict, reviewState, reviewViewOf, summaryOf } from './review'
import { imagesOf, outcomesOf, type SubmissionRow } from './views'

const round2 = (x: number) => Math.round(x * 100) / 100

async function reviewsOf(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('case_reviews as r').innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select(['r.submission_id', 'r.reviewer_id', 'r.scores_json', 'r.submitted_at', 'r.recused_at', 'r.recuse_note', 'u.display_name'])
    .where('r.submission_id', 'in', ids).orderBy('r.assigned_at').execute()
}

async function openReports(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return new Map<string, number>()
  const rows = await db.selectFrom('case_reports').select(['submission_id', sql<number>`count(*)`.as('n')]).where('submission_id', 'in', ids).where('resolved_at', 'is', null).groupBy('submission_id').execute()
  return new Map(rows.map(r => [r.submission_id, Number(r.n)]))
}

/** Each case with its reviews counted, the weighted mean, the spread and who has not reviewed yet. */
export async function adminItems(db: Kysely<Database>, rows: { row: SubmissionRow, call: CallRow }[]): Promise<AdminCaseItem[]> {
  const ids = rows.map(r => r.row.id)
  const [reviews, reports] = await Promise.all([reviewsOf(db, ids), openReports(db, ids)])
  return rows.map(({ row, call }) => {
    const mine = reviews.filter(r => r.submission_id === row.id && !r.recused_at)
    const done = mine.filter(r => r.submitted_at)
    const summary = expertSummary(done.map(r => scoresOf(r.scores_json!)), weightsOf(call))
    return {
      ...summaryOf(row, call), hidden: !!row.hidden_at, reviewers: mine.length, reviewsDone: done.length,
      missingReviewers: mine.filter(r => !r.submitted_at).map(r => r.display_name),
      weightedMean: summary ? round2(summary.mean) : null, spread: summary ? round2(summary.spread) : null,
      votes: row.vote_count, openReports: reports.get(row.id) ?? 0,
    }
  })
}

export async function adminCase(db: Kysely<Database>, city: string, id: string) {
  const row = await db.selectFrom('case_submissions').selectAll().where('id', '=', id).executeTakeFirst()
  const call = row && await db.selectFrom('case_calls').selectAll().where('id', '=', row.call_id).where('city_slug', '=', city).executeTakeFirst()
  if (!row || !call) throw createError({ statusCode: 404, message: 'No such case' })
  return { row, call }
}

export async function adminCaseView(db: Kysely<Database>, city: string, id: string): Promise<AdminCaseView> {
  const { row, call } = await adminCase(db, city, id)
  const [item] = await adminItems(db, [{ row, call }])
  const reviews = await reviewsOf(db, [id])
  const reports = await db.selectFrom('case_reports').selectAll().where('submission_id', '=', id).orderBy('created_at', 'desc').execute()
  return {
    ...item!, summary: row.summary, descriptionHtml: renderMarkdown(row.description ?? ''), outcomes: outcomesOf(row),
    images: (await imagesOf(db, [id], 'granted')).get(id) ?? [], slug: row.slug, rejectReason: row.reject_reason, hiddenReason: row.hidden_reason,
    contactName: row.contact_name_enc ? maskName(await decryptText(row.contact_name_enc)) : '',
    contactPhone: row.contact_phone_enc ? maskPhone(await decryptText(row.contact_phone_enc)) : '',
    moves: [...adminMoves[row.status]],
    assigned: reviews.map(r => ({ id: r.reviewer_id, name: r.display_name, state: reviewState(r), recuseNote: r.recuse_note })),
    reviews: reviews.filter(r => r.submitted_at && !r.recused_at).map(r => reviewViewOf(r, r.display_name, call)),
    reports: reports.map(r => ({ id: r.id, reason: r.reason, details: r.details, createdAt: r.created_at, resolvedAt: r.resolved_at })),
  }
}

const slugFor = (call: CallRow, id: string) => `${call.year}-${id.replace(/-/g, '').slice(-10)}`

/** The admin's moves along draft → submitted → in review → shortlisted | rejected → published → awarded. */
export async function moveCase(db: Kysely<Database>, row: SubmissionRow, call: CallRow, status: CaseStatus, reason: string | undefined) {
  if (!adminMoves[row.status].includes(status)) {
    throw createError({ statusCode: 409, message: `A case that is ${row.status} cannot become ${status}`, data: { reason: 'not-allowed' } })
  }
  if (status === 'shortlisted') {
    const { n } = await db.selectFrom('case_reviews').select(sql<number>`count(*)`.as('n')).where('submission_id', '=', row.id).where('submitted_at', 'is not', null).where('recused_at', 'is', null).executeTakeFirstOrThrow()
    if (!Number(n)) throw createError({ statusCode: 409, message: 'No expert has reviewed this case yet', data: { reason: 'no-reviews' } })
  }
  const now = nowIso()
  const changes = {
    status, updated_at: now,
    ...(status === 'rejected' && { reject_reason: reason ?? null }),
    ...(status === 'published' && { slug: row.slug ?? slugFor(call, row.id), published_at: row.published_at ?? now, awarded_at: null }),
    ...(status === 'awarded' && { awarded_at: now }),
  }
  // Guarded by the status read, so two admins moving at once cannot both succeed from the same state.
  const done = await db.updateTable('case_submissions').set(changes).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst()
  if (!Number(done.numUpdatedRows)) throw createError({ statusCode: 409, message: 'Someone else changed this case just now; reload it', data: { reason: 'changed' } })
}

/** Adds reviewers; anyone with a conflict of interest is refused, and nothing is added then. */
export async function assignReviewers(db: Kysely<Database>, admin: AuthUser, row: SubmissionRow, reviewerIds: string[]) {
  if (!['submitted', 'in-review'].includes(row.status)) throw createError({ statusCode: 409, message: 'Reviewers are assigned to submitted cases', data: { reason: 'not-allowed' } })
  const reviewers = await db.selectFrom('users').select(['id', 'display_name', 'organisation_id']).where('id', 'in', reviewerIds).where('role', '=', 'reviewer').where('disabled_at', 'is', null).execute()
  if (reviewers.length !== new Set(reviewerIds).size) throw invalidReviewers('Choose reviewer accounts that are active')
  const conflicted = []
  for (const r of reviewers) if (inConflict(r, await declaredCodes(db, r.id), row)) conflicted.push(r.display_name)
  if (conflicted.length) {
    throw createError({ statusCode: 409, message: `Conflict of interest: ${conflicted.join(', ')}`, data: { reason: 'conflict', fieldErrors: { reviewerIds: conflicted.map(n => `${n} declared a conflict of interest with this organisation`) } } })
  }
  const now = nowIso()
  await db.insertInto('case_reviews').values(reviewers.map(r => ({ submission_id: row.id, reviewer_id: r.id, assigned_by: admin.id, assigned_at: now, scores_json: null, submitted_at: null, recused_at: null, recuse_note: null })))
    .onConflict(oc => oc.columns(['submission_id', 'reviewer_id']).doNothing()).execute()
  if (row.status === 'submitted') await db.updateTable('case_submissions').set({ status: 'in-review', updated_at: now }).where('id', '=', row.id).where('status', '=', 'submitted').execute()
}

function invalidReviewers(message: string) {
  return createError({ statusCode: 422, message, data: { fieldErrors: { reviewerIds: [message] } } })
}

export async function reviewerOptions(db: Kysely<Database>, row: SubmissionRow) {
  const users = await db.selectFrom('users').select(['id', 'display_name', 'organisation_id']).where('role', '=', 'reviewer').where('disabled_at', 'is', null).orderBy('display_name').execute()
  return { items: await Promise.all(users.map(async u => ({ id: u.id, name: u.display_name, conflict: inConflict(u, await declaredCodes(db, u.id), row) }))) }
}

export async function setVisibility(db: Kysely<Database>, admin: AuthUser, row: SubmissionRow, hidden: boolean, reason: string) {
  const now = nowIso()
  await db.updateTable('case_submissions').set({ hidden_at: hidden ? now : null, hidden_reason: hidden ? reason : null, updated_at: now }).where('id', '=', row.id).execute()
  await db.updateTable('case_reports').set({ resolved_at: now, resolved_by: admin.id }).where('submission_id', '=', row.id).where('resolved_at', 'is', null).execute()
}

/**
 * Takes one picture off a case for good (a personal-data report, say), whatever the case's state.
 * Its files go too, unless another case has the very same picture (files are shared by content hash).
 */
export async function takeDownImage(db: Kysely<Database>, submissionId: string, imageId: string) {
  const image = await db.selectFrom('case_images').select(['id', 'hash']).where('id', '=', imageId).where('submission_id', '=', submissionId).executeTakeFirst()
  const gone = () => createError({ statusCode: 404, message: 'This case has no such picture' })
  if (!image) throw gone()
  // Counted, so of two admins at once only one takes it down (and is audited).
  const deleted = await db.deleteFrom('case_images').where('id', '=', image.id).executeTakeFirst()
  if (!Number(deleted.numDeletedRows)) throw gone()
  const shared = await db.selectFrom('case_images').select('id').where('hash', '=', image.hash).limit(1).executeTakeFirst()
  if (!shared) await db.deleteFrom('case_image_files').where('name', 'like', `${image.hash}-%`).execute()
  await db.updateTable('case_submissions').set({ updated_at: nowIso() }).where('id', '=', submissionId).execute()
}
