import { portalConfig, sendsHsts } from '~~/server/utils/config'

/**
 * Strict-Transport-Security when the public origin is https, decided at run time from the
 * configuration (nuxt-security's header is fixed at build time). Over plain http the header
 * would pin a host that may not have TLS at all, so it is never sent then.
 */
const HSTS = 'max-age=31536000; includeSubDomains'

export default defineEventHandler((event) => {
  if (sendsHsts(portalConfig())) setResponseHeader(event, 'strict-transport-security', HSTS)
})
