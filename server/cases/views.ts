import type { Kysely, Selectable } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { caseFields } from '#shared/cases/requests'
import type { CaseCard, CaseView, ImageView, SubmissionView } from '#shared/cases/views'
import type { CaseSubmissionsTable, Database } from '~~/server/database/schema'
import { nowIso } from '~~/server/database/ids'
import { decryptText } from '~~/server/privacy/crypto'
import { renderMarkdown } from '~~/server/utils/markdown'
import { maskName, maskPhone } from '#shared/utils/mask'
import { callState, votingOpen, type CallRow } from './calls'
import { imageGrant, type ImageAudience } from './image-access'
import { imageViewOf } from './images'

export type SubmissionRow = Selectable<CaseSubmissionsTable>
export type Outcome = { label: string, value: number, unit: string }
export const outcomesOf = (row: Pick<SubmissionRow, 'outcomes_json'>) => JSON.parse(row.outcomes_json) as Outcome[]

/** `granted`: for the submitter and staff, whose case the public may not see; each picture's URLs carry a grant. */
export async function imagesOf(db: Kysely<Database>, ids: string[], audience: ImageAudience = 'public'): Promise<Map<string, ImageView[]>> {
  const map = new Map<string, ImageView[]>()
  if (!ids.length) return map
  const rows = await db.selectFrom('case_images').selectAll().where('submission_id', 'in', ids).orderBy('position').orderBy('created_at').execute()
  for (const r of rows) {
    const grant = audience === 'granted' ? await imageGrant(r.hash) : ''
    map.set(r.submission_id, [...(map.get(r.submission_id) ?? []), imageViewOf(r, grant)])
  }
  return map
}

const districtName = (city: CityProfile, code: string | null) => city.districts.find(d => d.code === code)?.name ?? { zh: code ?? '', en: code ?? '' }

export function caseCard(row: SubmissionRow, call: Pick<CallRow, 'slug' | 'title_zh' | 'title_en' | 'year'>, city: CityProfile, images: ImageView[]): CaseCard {
  return {
    slug: row.slug!, title: row.title, organisation: row.organisation_name ?? '', district: row.district ?? '', districtName: districtName(city, row.district),
    theme: row.theme!, summary: row.summary ?? '', year: call.year, call: { slug: call.slug, title: { zh: call.title_zh, en: call.title_en } },
    cover: images[0] ?? null, awarded: row.status === 'awarded', votes: row.vote_count,
  }
}

export function caseView(row: SubmissionRow, call: CallRow, city: CityProfile, images: ImageView[]): CaseView {
  return {
    ...caseCard(row, call, city, images),
    descriptionHtml: renderMarkdown(row.description ?? ''), outcomes: outcomesOf(row), images, creditCode: row.credit_code ?? '',
    votingOpen: votingOpen(call), votesPerPerson: call.votes_per_person, publishedAt: row.published_at,
  }
}

/** The draft can change until the deadline, while no reviewer has it. */
export const isEditable = (row: Pick<SubmissionRow, 'status'>, call: Pick<CallRow, 'opens_at' | 'closes_at' | 'vote_closes_at'>, now = nowIso()) =>
  (row.status === 'draft' || row.status === 'submitted') && callState(call, now) === 'open'

/** The fields (and images) a case still needs before it can be submitted. */
export function missingFields(row: SubmissionRow, imageCount: number): string[] {
  const values = {
    title: row.title, organisationName: row.organisation_name ?? undefined, creditCode: row.credit_code ?? undefined, contactName: 'x',
    district: row.district ?? undefined, theme: row.theme ?? undefined, summary: row.summary ?? undefined, description: row.description ?? undefined, outcomes: outcomesOf(row),
  }
  const result = caseFields.safeParse(values)
  const missing = result.success ? [] : [...new Set(result.error.issues.map(i => String(i.path[0])))]
  return imageCount > 0 ? missing : [...missing, 'images']
}

/** `own`: the edit code or the submitting account; anyone else (an admin) sees the contact masked, as on the admin screens. */
export async function submissionView(db: Kysely<Database>, row: SubmissionRow, call: CallRow, own = true): Promise<SubmissionView> {
  const images = (await imagesOf(db, [row.id], 'granted')).get(row.id) ?? []
  return {
    id: row.id, call: { slug: call.slug, title: { zh: call.title_zh, en: call.title_en }, closesAt: call.closes_at },
    status: row.status, rejectReason: row.status === 'rejected' ? row.reject_reason : null, editable: isEditable(row, call), slug: row.slug,
    fields: {
      title: row.title, organisationName: row.organisation_name, creditCode: row.credit_code,
      contactName: row.contact_name_enc ? (own ? await decryptText(row.contact_name_enc) : maskName(await decryptText(row.contact_name_enc))) : '',
      contactPhone: row.contact_phone_enc ? maskPhone(await decryptText(row.contact_phone_enc)) : '',
      district: row.district, theme: row.theme, summary: row.summary, description: row.description, outcomes: outcomesOf(row),
    },
    images, missing: missingFields(row, images.length), submittedAt: row.submitted_at, updatedAt: row.updated_at,
  }
}
