/**
 * The browser's dictionaries: one lazy chunk per language and namespace (app/plugins/i18n.ts).
 * This map of chunk names is itself fetched the first time a page needs a namespace the payload
 * did not bring (a navigation, a language switch), so the start-up of every page does not carry it.
 */
export const dictionaryFiles = import.meta.glob<Record<string, unknown>>('../../shared/i18n/*/*.json', { import: 'default' })
