import { randomInt } from 'node:crypto'
import type { H3Event } from 'h3'
import { createError, getHeader } from 'h3'
import type { Kysely } from 'kysely'
import type { AuthUser } from '#shared/accounts/schemas'
import type { CityProfile } from '#shared/city/profile'
import { caseFields, EDIT_CODE_HEADER, editCodeSchema, type DraftFields, type SubmissionCreateBody } from '#shared/cases/requests'
import { CODE_ALPHABET } from '#shared/primitives'
import type { Database } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { purgeAfter } from '~~/server/privacy/retention'
import { invalidFields, type FieldErrors } from '~~/server/utils/errors'
import { callById, callState, type CallRow } from './calls'
import { isEditable, missingFields, type SubmissionRow } from './views'

export const newEditCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
const editCodeHash = (code: string) => lookupHash(`case-edit:${code}`)

function checkDistrict(city: CityProfile, district: string | undefined) {
  if (district !== undefined && !city.districts.some(d => d.code === district)) throw invalidFields({ district: ['Choose one of the city\'s districts'] })
}

/** Draft fields → columns; only the fields given. */
function draftColumns(fields: DraftFields) {
  return {
    ...(fields.title !== undefined && { title: fields.title }),
    ...(fields.organisationName !== undefined && { organisation_name: fields.organisationName || null }),
    ...(fields.creditCode !== undefined && { credit_code: fields.creditCode }),
    ...(fields.district !== undefined && { district: fields.district }),
    ...(fields.theme !== undefined && { theme: fields.theme }),
    ...(fields.summary !== undefined && { summary: fields.summary || null }),
    ...(fields.description !== undefined && { description: fields.description || null }),
    ...(fields.outcomes !== undefined && { outcomes_json: JSON.stringify(fields.outcomes) }),
  }
}

export interface Submitter { user: AuthUser | null, phoneHash: string }

export async function createSubmission(db: Kysely<Database>, city: CityProfile, call: CallRow, body: SubmissionCreateBody, who: Submitter) {
  if (callState(call) !== 'open') throw createError({ statusCode: 410, message: 'This call is not taking cases now', data: { reason: 'closed' } })
  checkDistrict(city, body.district)
  const editCode = newEditCode()
  const now = nowIso()
  const id = newId()
  await db.insertInto('case_submissions').values({
    id, call_id: call.id, slug: null, status: 'draft', reject_reason: null,
    title: body.title, organisation_name: null, credit_code: null, district: null, theme: null, summary: null, description: null, outcomes_json: '[]',
    ...draftColumns(body),
    contact_name_enc: await encryptText(body.contactName), contact_phone_enc: await encryptText(body.contactPhone), phone_hash: who.phoneHash,
    edit_code_hash: await editCodeHash(editCode), submitted_by: who.user?.id ?? null, organisation_id: who.user?.organisationId ?? null,
    hidden_at: null, hidden_reason: null, submitted_at: null, published_at: null, awarded_at: null,
    purge_after: purgeAfter(call.vote_closes_at), anonymised_at: null, source: 'user', created_at: now, updated_at: now,
  }).execute()
  return { id, editCode, status: 'draft' as const }
}

export async function submissionRow(db: Kysely<Database>, id: string): Promise<SubmissionRow> {
  const row = await db.selectFrom('case_submissions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such submission' })
  return row
}

/**
 * The submitter's door: the edit code in `x-edit-code`, or the staff account
 * that submitted it (admins may look at any). Wrong codes count against a limit.
 */
export async function submissionAccess(event: H3Event, db: Kysely<Database>, city: CityProfile, id: string, user: AuthUser | null) {
  const row = await submissionRow(db, id)
  const call = await callById(db, city.slug, row.call_id).catch(() => {
    throw createError({ statusCode: 404, message: 'No such submission' })
  })
  const header = getHeader(event, EDIT_CODE_HEADER)
  if (header !== undefined) {
    const code = editCodeSchema.safeParse(header)
    if (code.success && await editCodeHash(code.data) === row.edit_code_hash) return { row, call, own: true }
    throw createError({ statusCode: 403, message: 'This edit code does not match the submission', data: { reason: 'wrong-code' } })
  }
  if (user && (user.role === 'admin' || user.id === row.submitted_by)) return { row, call, own: user.id === row.submitted_by }
  throw createError({ statusCode: 401, message: 'Send the edit code you were given', data: { reason: 'code-needed' } })
}

export async function touchSubmission(db: Kysely<Database>, id: string) {
  await db.updateTable('case_submissions').set({ updated_at: nowIso() }).where('id', '=', id).execute()
}

export async function imageCount(db: Kysely<Database>, id: string) {
  const rows = await db.selectFrom('case_images').select('id').where('submission_id', '=', id).execute()
  return rows.length
}

/** Saves what changed; with `submit`, hands the case in once every field (and an image) is there. */
export async function patchSubmission(db: Kysely<Database>, city: CityProfile, row: SubmissionRow, call: CallRow, body: DraftFields & { submit?: boolean }) {
  if (!isEditable(row, call)) throw createError({ statusCode: 409, message: 'This case can no longer be changed', data: { reason: 'not-editable' } })
  checkDistrict(city, body.district)
  const { submit, ...fields } = body
  const changes = { ...draftColumns(fields), ...(fields.contactName !== undefined && { contact_name_enc: await encryptText(fields.contactName) }) }
  const next = { ...row, ...changes }
  if (submit) {
    const errors: FieldErrors = {}
    const missing = missingFields(next, await imageCount(db, row.id))
    if (missing.length) {
      const parsed = caseFields.safeParse({
        title: next.title, organisationName: next.organisation_name ?? undefined, creditCode: next.credit_code ?? undefined, contactName: 'x',
        district: next.district ?? undefined, theme: next.theme ?? undefined, summary: next.summary ?? undefined, description: next.description ?? undefined,
        outcomes: JSON.parse(next.outcomes_json),
      })
      for (const issue of parsed.error?.issues ?? []) (errors[issue.path.join('.') || '_'] ??= []).push(issue.message)
      if (missing.includes('images')) errors.images = ['Add at least one picture, with its description']
      // Save what was typed all the same: nothing is lost because it is not complete yet.
      if (Object.keys(changes).length) await db.updateTable('case_submissions').set({ ...changes, updated_at: nowIso() }).where('id', '=', row.id).execute()
      throw invalidFields(errors, 'The case is not complete yet')
    }
  }
  const now = nowIso()
  await db.updateTable('case_submissions')
    .set({ ...changes, ...(submit && row.status === 'draft' && { status: 'submitted', submitted_at: now }), updated_at: now })
    .where('id', '=', row.id).execute()
  return submissionRow(db, row.id)
}
