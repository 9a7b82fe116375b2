/** The city profile as served by /api/city, fetched once and shared by every page. */
export function useCity() {
  return useFetch('/api/city', { key: 'city', dedupe: 'defer', getCachedData: (key, nuxtApp) => nuxtApp.payload.data[key] ?? nuxtApp.static.data[key] })
}
