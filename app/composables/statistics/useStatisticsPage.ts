import type { StatisticsSection, StatisticsView } from '#shared/statistics/views'

/** The query of every statistics page: the year in the address (?year=, else the current week) and the page's language, for the drawn charts. */
export function useStatisticsQuery() {
  const { lang } = useLocale()
  const route = useRoute()
  const year = computed(() => (typeof route.query.year === 'string' && route.query.year) || undefined)
  return { year, lang }
}

/** A year with no statistics (or a year that is not one) is a missing page, not a broken one. */
export function requireStatistics(error: { statusCode?: number } | null | undefined, data: unknown) {
  requireFound(error, data, 'No statistics for this year')
}

/** The domains' sections in the registry's order, leaving out domains that have none. */
export const statisticsSections = (view: StatisticsView) =>
  Object.entries(view.sections).filter((entry): entry is [string, StatisticsSection] => Boolean(entry[1])).map(([key, section]) => ({ key, section }))
