import type { OrganizerContestView } from '#shared/contests/views'
import { organizerContestView } from '~~/server/contests/contests'
import { ownedContest } from '~~/server/contests/owned'

/** One contest with every saved setting, for its edit form. */
export default defineEventHandler(async (event): Promise<OrganizerContestView> => {
  const { row, db, city } = await ownedContest(event)
  setResponseHeader(event, 'cache-control', 'no-store')
  return organizerContestView(db, row, city)
})
