/**
 * The dictionaries, one file per namespace and language: shared/i18n/<language>/<namespace>.json.
 * Each file's top-level groups are its own (no group is defined in two namespaces), so every
 * namespace loads into i18next's one default namespace and keys read as before ('events.title').
 */
export const namespaces = ['common', 'home', 'venues', 'about', 'events', 'accounts', 'events-organizer', 'verification', 'privacy', 'courses', 'courses-sim', 'courses-organizer', 'quizzes', 'quizzes-organizer', 'contests', 'contests-organizer', 'cases', 'cases-organizer', 'statistics', 'statistics-organizer'] as const
export type Namespace = typeof namespaces[number]

/** The header, footer, error page and shared vocabulary: on every page. */
export const commonNamespace: Namespace = 'common'

/** What a layout's own components need besides common (the staff menu's strings). */
export const layoutNamespaces: Readonly<Record<string, readonly Namespace[]>> = {
  organizer: ['accounts'],
}

/** The namespaces a route needs: common, its layout's, and those its page declares (`definePageMeta({ i18n: [...] })`). */
export function namespacesFor(meta: { i18n?: readonly Namespace[], layout?: unknown }): Namespace[] {
  const layout = typeof meta.layout === 'string' ? meta.layout : 'default'
  return [...new Set<Namespace>([commonNamespace, ...(layoutNamespaces[layout] ?? []), ...(meta.i18n ?? [])])]
}
