import { caseParams, voteBody } from '#shared/cases/requests'
import type { VoteResult } from '#shared/cases/views'
import { publicCase } from '~~/server/cases/public'
import { castVote } from '~~/server/cases/votes'
import { requireVerifiedPhone } from '~~/server/verification/service'

/** One vote per verified number and case, up to the call's limit per person, inside the voting window. */
export default defineEventHandler(async (event): Promise<VoteResult> => {
  const { slug } = await validParams(event, caseParams)
  const body = await validBody(event, voteBody)
  await enforceRateLimit(event, residentLimit('case-vote', 60, 3600))
  const { db, city } = await usePortal()
  const { row, call } = await publicCase(db, city.slug, slug)
  const phoneHash = await requireVerifiedPhone(event, body.verificationToken, 'case-vote')
  const result = await castVote(db, call, row.id, phoneHash)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return result
})
