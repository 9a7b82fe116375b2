import { compressResponse } from '~~/server/compression/respond'

/**
 * Compresses HTML and JSON replies (server/compression/). Registered after
 * 02.page-cache, whose `beforeResponse` keeps the page uncompressed first;
 * h3 sends the (replaced) body right after these hooks.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', compressResponse)
})
