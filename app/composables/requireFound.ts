/**
 * A page's data that did not come is a missing page (404), to a person: a malformed slug or id,
 * a 400 from the API, too. Any other failure keeps its status. Call it after the page's useFetch,
 * e.g. `requireFound(error.value, event.value, 'Event not found')`; a page that
 * finds its item in a list passes no error.
 */
export function requireFound(error: { statusCode?: number } | null | undefined, data: unknown, statusMessage: string): void {
  if (!error && data) return
  const status = error?.statusCode
  throw createError({ statusCode: !status || status === 400 ? 404 : status, statusMessage, fatal: true })
}
