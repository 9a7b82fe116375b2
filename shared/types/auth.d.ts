// The session sealed into the cookie by nuxt-auth-utils: an id, the session
// version and its times only; everything else is read fresh from the database.
declare module '#auth-utils' {
  interface User {
    id: string
  }
  interface UserSession {
    version: number
    loggedInAt: string
    /** The last request that refreshed the cookie: the idle timeout counts from here. */
    seenAt?: string
  }
}

export {}
