import { callParams, submissionCreateBody } from '#shared/cases/requests'
import type { SubmissionCreated } from '#shared/cases/views'
import { findCall } from '~~/server/cases/calls'
import { createSubmission } from '~~/server/cases/submissions'
import { lookupHash } from '~~/server/privacy/crypto'
import { requireVerifiedPhone } from '~~/server/verification/service'

/**
 * A new draft. Without a staff session the contact number is proved by the
 * verification service (purpose case-submission). The edit code is shown once.
 */
export default defineEventHandler(async (event): Promise<SubmissionCreated> => {
  const { slug } = await validParams(event, callParams)
  const body = await validBody(event, submissionCreateBody)
  await enforceRateLimit(event, residentLimit('case-submission', 20, 3600))
  const { db, city } = await usePortal()
  const call = await findCall(db, city.slug, slug)
  const user = await currentUser(event)
  const staff = user && (user.role === 'admin' || user.role === 'organizer') ? user : null
  const phoneHash = await lookupHash(body.contactPhone)
  if (!staff) {
    if (!body.verificationToken) throw invalidFields({ verificationToken: ['Confirm your mobile number first'] })
    const verified = await requireVerifiedPhone(event, body.verificationToken, 'case-submission')
    if (verified !== phoneHash) throw invalidFields({ contactPhone: ['This is not the number you confirmed'] })
  }
  const created = await createSubmission(db, city, call, body, { user: staff, phoneHash })
  await recordAudit(event, staff, { action: 'case.create', targetType: 'case-submission', targetId: created.id, details: { call: call.slug } })
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return created
})
