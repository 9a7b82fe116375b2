/** A request body's cap unless its route declares another: JSON forms are small. */
export const BODY_LIMIT_BYTES = 64 * 1024

/** Multipart framing around one file: boundaries, headers, the alt text. */
const MULTIPART_SLACK = 64 * 1024

/**
 * Routes that take files declare their larger cap here, by a pattern of the
 * path (without the query); the first that matches wins.
 */
export const bodyLimitsByPath: [RegExp, number][] = [
  // One showcase image (JPEG, PNG or WebP, up to 8 MB) per request.
  [/^\/api\/case-submissions\/[^/]+\/images\/?$/, 8 * 1024 * 1024 + MULTIPART_SLACK],
  // A spreadsheet of events (IMPORT_MAX_BYTES in shared/events/import.ts).
  [/^\/api\/organizer\/events\/import\/?$/, 5 * 1024 * 1024 + MULTIPART_SLACK],
]

/** The cap for a request path; enforced while the body streams by server/middleware/00.body-limit.ts. */
export function bodyLimitFor(path: string, limits: [RegExp, number][] = bodyLimitsByPath): number {
  const pathname = path.split('?')[0]!
  return limits.find(([pattern]) => pattern.test(pathname))?.[1] ?? BODY_LIMIT_BYTES
}
