import type { AuthUser } from '#shared/accounts/schemas'

function createAuth() {
  const user = useState<AuthUser | null>('auth.user', () => null)
  const loaded = useState('auth.loaded', () => false)
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

  return reactive({ user, loaded, load, login, logout })
}

const stores = new WeakMap<object, ReturnType<typeof createAuth>>()

/** The signed-in organizer or admin, as /api/auth/me reports it; one object per Nuxt app (per request on the server). */
export function useAuthStore() {
  const nuxtApp = useNuxtApp()
  let auth = stores.get(nuxtApp)
  if (!auth) stores.set(nuxtApp, auth = createAuth())
  return auth
}
