import { caseParams, reportBody } from '#shared/cases/requests'
import type { z } from 'zod'
import type { reportCreated } from '#shared/cases/views'
import { publicCase } from '~~/server/cases/public'

/** Anyone may report a published case; admins see the report beside the case. */
export default defineEventHandler(async (event): Promise<z.infer<typeof reportCreated>> => {
  const { slug } = await validParams(event, caseParams)
  const body = await validBody(event, reportBody)
  await enforceRateLimit(event, residentLimit('case-report', 10, 3600))
  const { db, city } = await usePortal()
  const { row } = await publicCase(db, city.slug, slug)
  const id = newId()
  await db.insertInto('case_reports').values({ id, submission_id: row.id, reason: body.reason, details: body.details || null, created_at: nowIso(), resolved_at: null, resolved_by: null }).execute()
  await recordAudit(event, null, { action: 'case.report', targetType: 'case-submission', targetId: row.id, details: { reason: body.reason } })
  setResponseStatus(event, 201)
  return { id }
})
