import type { z } from 'zod'
import { conflictsBody } from '#shared/cases/requests'
import type { conflictsView } from '#shared/cases/views'
import { setConflicts } from '~~/server/cases/review'

/** Replaces the declared organisations; their cases are never assigned to this reviewer, and open ones are stood down. */
export default defineEventHandler(async (event): Promise<z.infer<typeof conflictsView>> => {
  const body = await validBody(event, conflictsBody)
  const user = await requireReviewer(event)
  const { db } = await usePortal()
  const saved = await setConflicts(db, user, body.creditCodes)
  await recordAudit(event, user, { action: 'case.conflicts', targetType: 'user', targetId: user.id, details: { organisations: saved.creditCodes.length } })
  return saved
})
