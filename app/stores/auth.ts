import type { AuthUser } from '#shared/accounts/schemas'

/** The signed-in organizer or admin, as /api/auth/me reports it; one store per Nuxt app (per request on the server). */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<AuthUser | null>(null)
  const loaded = ref(false)
  const requestFetch = useRequestFetch()

  async function load(force = false) {
    if (loaded.value && !force) return user.value
    try {
      user.value = (await requestFetch<{ user: AuthUser }>('/api/auth/me')).user
    }
    catch {
      user.value = null
    }
    loaded.value = true
    return user.value
  }

  async function login(email: string, password: string) {
    user.value = (await $fetch('/api/auth/login', { method: 'POST', body: { email, password } })).user
    loaded.value = true
    return user.value
  }

  async function logout() {
    await $fetch('/api/auth/logout', { method: 'POST' })
    user.value = null
  }

  return { user, loaded, load, login, logout }
})
