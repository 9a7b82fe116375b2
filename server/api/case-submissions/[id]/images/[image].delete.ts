import { imageParams } from '#shared/cases/requests'
import type { OkResponse } from '#shared/primitives'
import { submissionAccess, touchSubmission } from '~~/server/cases/submissions'
import { isEditable } from '~~/server/cases/views'

/** Removes a picture from a draft (its files stay: another case may share them). */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const { id, image } = await validParams(event, imageParams)
  await enforceRateLimit(event, residentLimit('case-edit', 120, 600))
  const { db, city } = await usePortal()
  const user = await currentUser(event)
  const { row, call, own } = await submissionAccess(event, db, city, id, user)
  if (!isEditable(row, call)) throw createError({ statusCode: 409, message: 'This case can no longer be changed', data: { reason: 'not-editable' } })
  const result = await db.deleteFrom('case_images').where('id', '=', image).where('submission_id', '=', id).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw createError({ statusCode: 404, message: 'No such picture' })
  await touchSubmission(db, id)
  if (!own) await recordAudit(event, user, { action: 'case.image.remove', targetType: 'case-submission', targetId: id })
  return { ok: true }
})
