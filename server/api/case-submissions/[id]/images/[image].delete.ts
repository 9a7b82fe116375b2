import { imageParams } from '#shared/cases/requests'
import type { OkResponse } from '#shared/primitives'
import { submissionAccess, touchSubmission } from '../../../../cases/submissions'
import { isEditable } from '../../../../cases/views'

/** Removes a picture from a draft (its files stay: another case may share them). */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const { id, image } = await validParams(event, imageParams)
  const { db, city } = await usePortal()
  const { row, call } = await submissionAccess(event, db, city, id, await currentUser(event))
  if (!isEditable(row, call)) throw createError({ statusCode: 409, message: 'This case can no longer be changed', data: { reason: 'not-editable' } })
  const result = await db.deleteFrom('case_images').where('id', '=', image).where('submission_id', '=', id).executeTakeFirst()
  if (!Number(result.numDeletedRows)) throw createError({ statusCode: 404, message: 'No such picture' })
  await touchSubmission(db, id)
  return { ok: true }
})
