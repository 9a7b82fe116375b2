import { z } from 'zod'
import type { OkResponse } from '#shared/primitives'
import { disqualifyBody } from '#shared/contests/requests'
import { ownedContest } from '~~/server/contests/owned'

const params = z.object({ id: z.uuid(), entry: z.uuid() })

/** Takes an entry off the leaderboard, with a reason, in the audit log. */
export default defineEventHandler(async (event): Promise<OkResponse> => {
  const { entry } = await validParams(event, params)
  const body = await validBody(event, disqualifyBody)
  const { row, user, db } = await ownedContest(event)
  const result = await db.updateTable('contest_entries').set({ disqualified_at: new Date().toISOString(), disqualify_reason: body.reason })
    .where('id', '=', entry).where('contest_id', '=', row.id).where('disqualified_at', 'is', null).executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw createError({ statusCode: 404, message: 'No such entry, or it is already disqualified' })
  await recordAudit(event, user, { action: 'contest.disqualify', targetType: 'contest-entry', targetId: entry, reason: body.reason })
  return { ok: true }
})
