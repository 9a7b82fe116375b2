/** The city profile as served by /api/city, fetched once and shared by every page. */
export function useCity() {
  return useFetch('/api/city', { key: 'city', dedupe: 'defer', getCachedData: (key, nuxtApp) => nuxtApp.payload.data[key] ?? nuxtApp.static.data[key] })
}

/**
 * What the city's areas are called: "区" where all are districts or new areas (Tianjin), "区县" where some are
 * counties or county-level cities (Huludao). An i18next context: `t('courses.district', { context: areaWord.value })`.
 */
export function useAreaWord() {
  const { data: city } = useCity()
  return computed(() => (city.value?.districts.some(d => d.kind === 'county' || d.kind === 'county-city') ? 'county' : 'district'))
}
