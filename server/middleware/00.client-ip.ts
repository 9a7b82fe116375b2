import { clientIp } from '~~/server/utils/client-ip'

/**
 * Settles the visitor's address before anything else runs, so the API calls a
 * page makes while it renders on the server inherit it (server/utils/client-ip.ts).
 */
export default defineEventHandler((event) => {
  clientIp(event)
})
