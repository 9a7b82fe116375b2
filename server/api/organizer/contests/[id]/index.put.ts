import { sql } from 'kysely'
import { contestBody, organizerContestParams } from '#shared/contests/requests'
import type { ContestRef } from '#shared/contests/views'
import { contestValues, lockedChanges } from '~~/server/contests/contests'
import { ownedContest } from '~~/server/contests/owned'

/**
 * Replaces a contest's settings. Once anyone has entered, what an entry holds (topics, number of questions,
 * teams) stays as it was: a 409 naming each field, decided in the same statement as the write.
 */
export default defineEventHandler(async (event): Promise<ContestRef> => {
  await validParams(event, organizerContestParams)
  const body = await validBody(event, contestBody)
  const { row, user, db } = await ownedContest(event)
  const locked = lockedChanges(row, body)
  const refused = () => createError({ statusCode: 409, statusMessage: 'Conflict', message: 'People have entered this contest: what an entry holds can no longer change', data: { reason: 'entered', fieldErrors: locked } })
  let updated: number
  try {
    let update = db.updateTable('contests').set({ ...contestValues(body), updated_at: new Date().toISOString() }).where('id', '=', row.id)
    if (Object.keys(locked).length) update = update.where(sql<boolean>`not exists (select 1 from contest_entries where contest_id = ${row.id})`)
    updated = Number((await update.executeTakeFirst()).numUpdatedRows)
  }
  catch (error) {
    if (isUniqueViolation(error)) throw invalidFields({ slug: ['Another contest of this city has this address'] })
    throw error
  }
  if (!updated) throw refused()
  await recordAudit(event, user, { action: 'contest.update', targetType: 'contest', targetId: row.id })
  return { id: row.id, slug: body.slug }
})
