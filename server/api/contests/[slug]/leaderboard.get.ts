import { contestParams } from '#shared/contests/requests'
import type { LeaderboardView } from '#shared/contests/views'
import { findContest } from '~~/server/contests/contests'
import { leaderboard } from '~~/server/contests/entries'

/** Individuals by nickname and teams by a size-fair score; before the close only when the contest shows it live. */
export default defineEventHandler(async (event): Promise<LeaderboardView> => {
  const { slug } = await validParams(event, contestParams)
  const { db, city } = await usePortal()
  const row = await findContest(db, city.slug, slug)
  if (!row) throw createError({ statusCode: 404, message: 'No such contest' })
  setResponseHeader(event, 'cache-control', 'public, max-age=30')
  return leaderboard(db, row, city)
})
