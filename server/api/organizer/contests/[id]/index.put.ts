import { contestBody, organizerContestParams } from '#shared/contest/schemas'
import { contestValues } from '../../../../contest/contests'
import { ownedContest } from '../../../../contest/owned'

/** Replaces a contest's settings. Once entries exist, the number of questions stays as it was, so entries stay comparable. */
export default defineEventHandler(async (event) => {
  await validParams(event, organizerContestParams)
  const body = await validBody(event, contestBody)
  const { row, user, db } = await ownedContest(event)
  const entered = await db.selectFrom('contest_entries').select('id').where('contest_id', '=', row.id).executeTakeFirst()
  if (entered && body.questionsPerEntry !== row.questions_per_entry) throw invalidFields({ questionsPerEntry: ['People have entered: the number of questions can no longer change'] })
  try {
    await db.updateTable('contests').set({ ...contestValues(body), updated_at: new Date().toISOString() }).where('id', '=', row.id).execute()
  }
  catch (error) {
    if (isUniqueViolation(error)) throw invalidFields({ slug: ['Another contest of this city has this address'] })
    throw error
  }
  await recordAudit(event, user, { action: 'contest.update', targetType: 'contest', targetId: row.id })
  return { id: row.id, slug: body.slug }
})
