import type { H3Event } from 'h3'

/** Public, shared data: let browsers and a city's proxy keep it briefly. */
export function cachePublic(event: H3Event, seconds = 300) {
  setResponseHeader(event, 'cache-control', `public, max-age=${seconds}, stale-while-revalidate=${seconds * 2}`)
}
