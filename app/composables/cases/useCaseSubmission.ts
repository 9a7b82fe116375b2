import { EDIT_CODE_HEADER } from '#shared/cases/requests'

const codeKey = (id: string) => `portal:case-code:${id}`

/**
 * A submission behind its edit code: the code comes from `?code=` (the link the
 * submitter kept) or this tab's sessionStorage, or is typed in. The server reads it
 * from the link, so the page shows the status without JavaScript too.
 */
export async function useCaseSubmission(id: string) {
  const route = useRoute()
  const requestFetch = useRequestFetch()
  const fromLink = typeof route.query.code === 'string' ? route.query.code.trim().toUpperCase() : ''
  const code = ref(fromLink)
  const headers = computed(() => ({ [EDIT_CODE_HEADER]: code.value }))
  const key = `case-submission:${id}`
  // Before the first await: a composable loses its component after it.
  onMounted(() => {
    if (code.value) sessionStorage.setItem(codeKey(id), code.value)
    else code.value = sessionStorage.getItem(codeKey(id)) ?? ''
    if (code.value && !data.value) refreshNuxtData(key)
  })
  const load = () => requestFetch(`/api/case-submissions/${encodeURIComponent(id)}`, { headers: headers.value })
  const { data, error, status } = await useAsyncData(key, () => (code.value ? load() : Promise.resolve(null)), { watch: [code] })

  return { code, headers, submission: data, error, status }
}

/** Remembers a new submission's code in this tab, so the next page opens without it in the address. */
export function rememberEditCode(id: string, code: string) {
  sessionStorage.setItem(codeKey(id), code)
}
