declare module '#app' {
  interface PageMeta {
    /** Pages only admins may open, or only reviewers (and admins): checked by the auth middleware. */
    role?: 'admin' | 'reviewer'
  }
}

export {}
