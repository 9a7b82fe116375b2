import { submissionParams } from '#shared/cases/requests'
import type { SubmissionView } from '#shared/cases/views'
import { submissionAccess } from '~~/server/cases/submissions'
import { submissionView } from '~~/server/cases/views'

/** The submitter's view: every field, the images, the status and what is still missing. */
export default defineEventHandler(async (event): Promise<SubmissionView> => {
  const { id } = await validParams(event, submissionParams)
  await enforceRateLimit(event, residentLimit('case-edit', 120, 600))
  const { db, city } = await usePortal()
  const { row, call, own } = await submissionAccess(event, db, city, id, await currentUser(event))
  setResponseHeader(event, 'cache-control', 'no-store')
  return submissionView(db, row, call, own)
})
