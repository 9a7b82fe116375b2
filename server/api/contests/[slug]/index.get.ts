import { contestParams } from '#shared/contests/requests'
import type { ContestView } from '#shared/contests/views'
import { contestView, findContest } from '~~/server/contests/contests'

export default defineEventHandler(async (event): Promise<ContestView> => {
  const { slug } = await validParams(event, contestParams)
  const { db, city } = await usePortal()
  const row = await findContest(db, city.slug, slug)
  if (!row) throw createError({ statusCode: 404, message: 'No such contest' })
  setResponseHeader(event, 'cache-control', 'public, max-age=60')
  return contestView(db, row, city)
})
