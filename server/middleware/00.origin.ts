import { portalOrigin } from '~~/server/utils/origin'

/**
 * The origin absolute links are built from (PORTAL_PUBLIC_ORIGIN, or an allowed host), settled once
 * per request so a page's server render can read it for its canonical link and share picture
 * (app/composables/usePageSeo.ts), as the posters' QR codes do.
 */
export default defineEventHandler((event) => {
  event.context.portalOrigin ??= portalOrigin(event).origin
})
