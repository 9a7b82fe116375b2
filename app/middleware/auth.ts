/**
 * Organizer and admin pages: signed-in users only (else to the sign-in page,
 * coming back afterwards); a new account changes its initial password first;
 * admin pages for admins only; reviewers and helpers only their own screens.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const auth = useAuthStore()
  const user = await auth.load(import.meta.client)
  if (!user) return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  if (user.mustChangePassword && to.path !== '/organizer/password') return navigateTo('/organizer/password')
  // Reviewers see their reviews (and the home page, password); organizers see no review screens.
  // Helpers (协助人员) see the pages for booking on a resident's behalf, and their password.
  if (user.role === 'helper') {
    if (to.path === '/organizer') return navigateTo('/organizer/assisted')
    if (to.meta.role !== 'helper' && to.path !== '/organizer/password') throw createError({ statusCode: 403, statusMessage: 'Forbidden', fatal: true })
    return
  }
  if (to.meta.role === 'helper' && user.role !== 'admin') throw createError({ statusCode: 403, statusMessage: 'Forbidden', fatal: true })
  const reviewerPage = to.meta.role === 'reviewer'
  const reviewerOpen = reviewerPage || to.path === '/organizer' || to.path === '/organizer/password'
  if ((to.meta.role === 'admin' && user.role !== 'admin') || (reviewerPage && user.role === 'organizer') || (user.role === 'reviewer' && !reviewerOpen)) {
    throw createError({ statusCode: 403, statusMessage: 'Forbidden', fatal: true })
  }
})
