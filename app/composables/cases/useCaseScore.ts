/** A spread between reviewers' weighted scores this large (on the 1–5 scale) is worth a second look. */
export const LARGE_SPREAD = 1.5

/** Experts' scores as staff read them: two decimals in the page's language, a dash when there is none yet; lists of names. */
export function useCaseScore() {
  const { lang } = useLocale()
  const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString(lang.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
  const names = (list: string[]) => (list.length ? new Intl.ListFormat(lang.value, { type: 'conjunction' }).format(list) : '—')
  return { score, names }
}
