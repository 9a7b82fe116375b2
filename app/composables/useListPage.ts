import type { NitroFetchRequest } from 'nitropack/types'
import type { z } from 'zod'

interface ListPageOptions<Q> {
  /** Items per page; elder mode shows fewer per screen. */
  pageSize: { standard: number, elder: number }
  /** Turns the parsed filters into the API's query, where they differ. */
  toQuery?: (filters: Q) => Record<string, unknown>
}

/**
 * Every public list page: filters read from the URL (so a plain GET form and
 * links work without JavaScript), one page of results from the list endpoint,
 * and the page count for AppPagination.
 *
 * The query schema comes from `schema()`, a dynamic import: the server parses the
 * URL and the filters travel in the payload, so the browser loads zod (20 KB
 * gzipped) only when a client-side navigation changes the query.
 */
export async function useListPage<R extends NitroFetchRequest, S extends z.ZodObject>(url: R, schema: () => Promise<S>, options: ListPageOptions<z.output<S>>) {
  const route = useRoute()
  const prefs = usePrefsStore()
  const requestFetch = useRequestFetch()
  const pageSize = computed(() => (prefs.elder ? options.pageSize.elder : options.pageSize.standard))
  type Filters = z.output<S> & { page: number }
  // One awaited call: a composable loses its Nuxt context after its first await.
  const { data } = await useAsyncData(`list:${String(url)}`, async () => {
    const s = await schema()
    const parsed = s.safeParse(route.query)
    const filters = (parsed.success ? parsed.data : s.parse({})) as Filters
    const query = { ...(options.toQuery ? options.toQuery(filters) : filters), pageSize: pageSize.value }
    const load = (page: number) => requestFetch(url, { query: { ...query, page } })
    const first = await load(filters.page)
    // Past the last page (elder mode shows fewer a page, so switching modes can leave one there): show the last page.
    const last = Math.max(1, Math.ceil(((first as { total?: number }).total ?? 0) / pageSize.value))
    if (filters.page <= last) return { filters, result: first }
    filters.page = last
    return { filters, result: await load(last) }
  }, { watch: [() => route.query, pageSize] })
  const filters = computed(() => data.value!.filters)
  const result = computed(() => data.value?.result)
  const pageCount = computed(() => Math.max(1, Math.ceil(((result.value as { total?: number } | undefined)?.total ?? 0) / pageSize.value)))
  return { filters, result, pageCount }
}
