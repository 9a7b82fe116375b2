import type { QuizFigures } from '#shared/quizzes/views'
import { quizFigures } from '~~/server/quizzes/figures'

/** Which scams residents miss most: catch and false-alarm rates per fraud type and per item, from anonymous answers. */
export default defineEventHandler(async (event): Promise<QuizFigures> => {
  await requireOrganizer(event)
  const { db, city } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  return quizFigures(db, city.slug)
})
