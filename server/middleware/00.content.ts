import { isContentPass, CONTENT_PASS_HEADER } from '~~/server/utils/content'

/**
 * @nuxt/content serves every collection's SQL dump and a query endpoint under /__nuxt_content/;
 * those hold the contest's and the quiz's answers. Only this server's own reads (server/utils/content.ts)
 * get through; to anyone else, whatever the method, case or escaping, the routes do not exist.
 */
export default defineEventHandler((event) => {
  const raw = getRequestURL(event).pathname.toLowerCase()
  let path = raw
  try {
    path = decodeURIComponent(raw)
  }
  catch { /* a malformed escape: the raw path is checked */ }
  if (!raw.includes('__nuxt_content') && !path.includes('__nuxt_content')) return
  if (isContentPass(getRequestHeader(event, CONTENT_PASS_HEADER))) return
  throw createError({ statusCode: 404, message: 'Not found' })
})
