import type { z } from 'zod'
import { adminCaseParams, revealBody } from '#shared/cases/requests'
import type { contactRevealed } from '#shared/cases/views'
import { adminCase } from '~~/server/cases/admin'
import { decryptText } from '~~/server/privacy/crypto'

/** The submitter's contact in clear, for a stated reason that goes into the audit log. */
export default defineEventHandler(async (event): Promise<z.infer<typeof contactRevealed>> => {
  const { id } = await validParams(event, adminCaseParams)
  const body = await validBody(event, revealBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  const { row } = await adminCase(db, city.slug, id)
  if (!row.contact_phone_enc || !row.contact_name_enc) throw createError({ statusCode: 410, message: 'The contact was deleted after the retention period', data: { reason: 'purged' } })
  await recordAudit(event, admin, { action: 'case.contact.reveal', targetType: 'case-submission', targetId: id, reason: body.reason })
  setResponseHeader(event, 'cache-control', 'no-store')
  return { contactName: await decryptText(row.contact_name_enc), contactPhone: await decryptText(row.contact_phone_enc) }
})
