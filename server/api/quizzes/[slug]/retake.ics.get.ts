import { displayPrefs } from '#shared/i18n/languages'
import { quizParams, retakeQuery } from '#shared/quizzes/requests'
import { quizBank } from '~~/server/quizzes/bank'
import { retakeCalendar } from '~~/server/quizzes/calendar'

/** A calendar reminder to take the quiz again in two weeks, because warnings fade. No personal data. */
export default defineEventHandler(async (event): Promise<string> => {
  const { slug } = await validParams(event, quizParams)
  const query = await validQuery(event, retakeQuery)
  const quiz = (await quizBank(event)).quizzes.find(q => q.slug === slug)
  if (!quiz) throw createError({ statusCode: 404, message: 'No such quiz' })
  const lang = query.lang ?? displayPrefs(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'accept-language')).language
  const config = portalConfig()
  const { origin } = portalOrigin(event, config)
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${quiz.slug}-again.ics"`,
    'content-language': lang,
    'cache-control': 'no-store',
  })
  const { city } = await usePortal()
  return retakeCalendar(quiz, lang, `${origin}/quiz/${quiz.slug}`, new URL(publicOrigin(config)).hostname, city)
})
