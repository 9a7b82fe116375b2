/**
 * Organizer and admin pages: signed-in users only (else to the sign-in page,
 * coming back afterwards); a new account changes its initial password first.
 * Then each role its own screens: admins all; organizers none marked for a role;
 * reviewers their reviews and the home page; helpers (协助人员) their booking pages.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const user = await useAuthStore().load(import.meta.client)
  if (!user) return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  const { role } = user
  const page = to.meta.role
  const password = to.path === '/organizer/password'
  if (user.mustChangePassword && !password) return navigateTo('/organizer/password')
  if (role === 'helper' && to.path === '/organizer') return navigateTo('/organizer/assisted')
  if (!(role === 'admin' || password || (role === 'helper' ? page === 'helper' : role === 'reviewer' ? page === 'reviewer' || to.path === '/organizer' : !page))) {
    throw createError({ statusCode: 403, statusMessage: 'Forbidden', fatal: true })
  }
})
