import { imageFileParams } from '#shared/cases/requests'
import { readImageFile } from '../../../cases/images'

/**
 * A case image's bytes. The name carries the content hash, so a file never changes: browsers
 * and proxies keep it for a year. Images are not compressed again (server/compression/ takes
 * only text) and this path is not in the page cache (server/page-cache/policy.ts: pages only).
 */
export default defineEventHandler(async (event): Promise<Buffer> => {
  const { file } = await validParams(event, imageFileParams)
  const found = await readImageFile(await useDb(), file)
  if (!found) throw createError({ statusCode: 404, message: 'There is no such image' })
  setResponseHeaders(event, {
    'content-type': found.contentType,
    'content-length': found.bytes.byteLength,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  })
  return found.bytes
})
