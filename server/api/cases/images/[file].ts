import { imageFileParams, imageFileQuery } from '#shared/cases/requests'
import { imageAudience } from '~~/server/cases/image-access'
import { readImageFile } from '~~/server/cases/images'

/** How long anyone may keep a public picture without asking again: a hidden case's pictures are gone from caches within this. */
const PUBLIC_MAX_AGE = 300

/**
 * A case image's bytes, for GET and HEAD alike (the one route not split by method,
 * so HEAD cannot drift from GET; Node sends no body for HEAD). Only while a public
 * case shows the picture, or with a grant (server/cases/image-access.ts); else 404,
 * as for a file that does not exist. The name carries the content hash, so it is its
 * own ETag and a revalidation is a 304. Not compressed again (server/compression/
 * takes only text) and not in the page cache (pages only).
 */
export default defineEventHandler(async (event): Promise<Buffer | null> => {
  assertMethod(event, ['GET', 'HEAD'])
  // The query first: a junk grant is refused as such, whatever the file name.
  const grant = await validQuery(event, imageFileQuery)
  const { file } = await validParams(event, imageFileParams)
  const { db, city } = await usePortal()
  const audience = await imageAudience(db, city.slug, file, grant)
  const found = audience && await readImageFile(db, file)
  if (!found) throw createError({ statusCode: 404, message: 'There is no such image' })
  const etag = `"${file}"`
  setResponseHeaders(event, {
    'cache-control': audience === 'public' ? `public, max-age=${PUBLIC_MAX_AGE}, must-revalidate` : 'private, no-store',
    'etag': etag,
    'x-content-type-options': 'nosniff',
  })
  if (audience === 'public' && getRequestHeader(event, 'if-none-match')?.split(/\s*,\s*/).includes(etag)) {
    setResponseStatus(event, 304)
    return null
  }
  setResponseHeaders(event, { 'content-type': found.contentType, 'content-length': found.bytes.byteLength })
  return found.bytes
})
