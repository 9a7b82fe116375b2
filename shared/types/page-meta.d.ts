declare module '#app' {
  interface PageMeta {
    /** Pages only admins may open, or only reviewers or helpers (and admins): checked by the auth middleware. */
    role?: 'admin' | 'reviewer' | 'helper'
  }
}

export {}
