/**
 * The door for the organizer, admin and helper APIs: nothing under these prefixes
 * runs without the right session, even if a handler forgot to ask.
 * (Handlers call requireOrganizer/requireAdmin too; the result is cached per request.)
 */
export default defineEventHandler(async (event) => {
  let path: string
  try {
    path = decodeURIComponent(getRequestURL(event).pathname).toLowerCase().replace(/\/{2,}/g, '/')
  }
  catch {
    throw createError({ statusCode: 400, message: 'Malformed path' })
  }
  if (path === '/api/admin' || path.startsWith('/api/admin/')) await requireAdmin(event)
  else if (path === '/api/organizer/cases' || path.startsWith('/api/organizer/cases/')) await requireReviewer(event)
  else if (path === '/api/organizer' || path.startsWith('/api/organizer/')) await requireOrganizer(event)
  // Helpers (协助人员) book for residents here and nowhere else; nobody else books through it.
  else if (path === '/api/assisted' || path.startsWith('/api/assisted/')) await requireHelper(event)
})
