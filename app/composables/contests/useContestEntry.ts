import type { ContestAnswerResult, EntryState } from '#shared/contests/views'

const idKey = (slug: string) => `portal:contest:${slug}`
const secretKey = (entryId: string) => `portal:contest-secret:${entryId}`

/**
 * Keeps the entry's secret, given once at entry, on this device: only it answers the entry (staff see the id,
 * never the secret). localStorage, so the entrant can stop and carry on until the close, after a reload too.
 */
export function rememberContestEntry(slug: string, entryId: string, secret: string) {
  localStorage.setItem(idKey(slug), entryId)
  localStorage.setItem(secretKey(entryId), secret)
}

/** The entry this device started for the contest, if its secret is here too. */
export function myContestEntry(slug: string): string {
  const id = localStorage.getItem(idKey(slug)) ?? ''
  return id && localStorage.getItem(secretKey(id)) ? id : ''
}

/** The entry's state, loaded in the browser with the secret (never rendered on the server, which does not hold it). */
export function useContestEntry(id: string) {
  const state = ref<EntryState | null>(null)
  // 'loading' until mounted; 'elsewhere' when this device holds no secret for the entry (or the server refused it).
  const status = ref<'loading' | 'ready' | 'elsewhere' | 'failed'>('loading')
  const headers = () => ({ 'x-entry-secret': localStorage.getItem(secretKey(id)) ?? '' })
  async function load() {
    if (!localStorage.getItem(secretKey(id))) return void (status.value = 'elsewhere')
    try {
      state.value = await $fetch<EntryState>(`/api/contest-entries/${encodeURIComponent(id)}`, { headers: headers() })
      status.value = 'ready'
    }
    catch (error) {
      const code = (error as { statusCode?: number }).statusCode
      status.value = code === 403 || code === 404 ? 'elsewhere' : 'failed'
    }
  }
  onMounted(load)
  const answer = (itemId: string, body: { option: number }) =>
    $fetch<ContestAnswerResult>(`/api/contest-entries/${encodeURIComponent(id)}/answers`, { method: 'POST', headers: headers(), body: { itemId, answer: body } })
  return { state, status, load, answer }
}
