declare module '#app' {
  interface PageMeta {
    /** Pages only admins may open (checked by the auth middleware). */
    role?: 'admin'
  }
}

export {}
