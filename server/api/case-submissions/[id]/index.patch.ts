import { submissionParams, submissionPatchBody } from '#shared/cases/requests'
import type { SubmissionView } from '#shared/cases/views'
import { patchSubmission, submissionAccess } from '~~/server/cases/submissions'
import { submissionView } from '~~/server/cases/views'

/** Saves the draft; `submit: true` hands it in (422 lists what is missing, and what was sent is kept). */
export default defineEventHandler(async (event): Promise<SubmissionView> => {
  const { id } = await validParams(event, submissionParams)
  const body = await validBody(event, submissionPatchBody)
  await enforceRateLimit(event, residentLimit('case-edit', 120, 600))
  const { db, city } = await usePortal()
  const user = await currentUser(event)
  const { row, call, own } = await submissionAccess(event, db, city, id, user)
  const saved = await patchSubmission(db, city, row, call, body)
  // An admin changing someone else's case leaves a trace, whatever the change.
  if (body.submit || !own) await recordAudit(event, user, { action: body.submit ? 'case.submit' : 'case.edit', targetType: 'case-submission', targetId: id, details: { fields: Object.keys(body).filter(k => k !== 'submit') } })
  setResponseHeader(event, 'cache-control', 'no-store')
  return submissionView(db, saved, call, own)
})
