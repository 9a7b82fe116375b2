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
 */
export async function useListPage<R extends NitroFetchRequest, S extends z.ZodObject>(url: R, schema: S, options: ListPageOptions<z.output<S>>) {
  const route = useRoute()
  const prefs = usePrefsStore()
  const pageSize = computed(() => (prefs.elder ? options.pageSize.elder : options.pageSize.standard))
  const filters = computed(() => {
    const parsed = schema.safeParse(route.query)
    return (parsed.success ? parsed.data : schema.parse({})) as z.output<S> & { page: number }
  })
  const query = computed(() => ({ ...(options.toQuery ? options.toQuery(filters.value) : filters.value), pageSize: pageSize.value }))
  const { data: result } = await useFetch(url, { query })
  const pageCount = computed(() => Math.max(1, Math.ceil(((result.value as { total?: number } | undefined)?.total ?? 0) / pageSize.value)))
  return { filters, result, pageCount }
}
