/** A request body's cap unless its route declares another: JSON forms are small. */
export const BODY_LIMIT_BYTES = 64 * 1024

/**
 * Routes that take files declare their larger cap here, by path prefix
 * (for example `'/api/cases/uploads': 8 * 1024 * 1024`); the longest prefix wins.
 */
export const bodyLimitsByPath: Record<string, number> = {}

/** The cap for a request path; enforced while the body streams by server/middleware/00.body-limit.ts. */
export function bodyLimitFor(path: string, limits: Record<string, number> = bodyLimitsByPath): number {
  const pathname = path.split('?')[0]!
  const prefix = Object.keys(limits).filter(p => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`)).sort((a, b) => b.length - a.length)[0]
  return prefix === undefined ? BODY_LIMIT_BYTES : limits[prefix]!
}
