/** The address links in messages point to: PORTAL_PUBLIC_ORIGIN, else this server on localhost. */
export function publicOrigin(): string {
  return portalConfig().publicOrigin ?? `http://localhost:${process.env.PORT || process.env.NITRO_PORT || 3000}`
}
