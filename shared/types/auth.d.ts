// The session sealed into the cookie by nuxt-auth-utils: an id and the
// session version only; everything else is read fresh from the database.
declare module '#auth-utils' {
  interface User {
    id: string
  }
  interface UserSession {
    version: number
    loggedInAt: string
  }
}

export {}
