import type { AnswerBody } from '#shared/quizzes/requests'
import type { AnswerResult, AttemptCreated, AttemptState } from '#shared/quizzes/views'

export interface ItemProgress { verdict: 'scam' | 'genuine', result: AnswerResult, chosen?: number, tapped?: string[] }

/**
 * One attempt at a quiz, kept across reloads in this tab (sessionStorage holds only its id; the
 * answers are on the server). Every answer is checked there: the browser never has the key first.
 */
export function useQuizAttempt(slug: string) {
  const key = `portal:quiz:${slug}`
  const attempt = ref<AttemptCreated | null>(null)
  const progress = ref<Record<string, ItemProgress>>({})
  const busy = ref(false)
  const failed = ref(false)
  const isDone = (id: string) => progress.value[id]?.result.feedback.next === null
  const index = computed(() => {
    const items = attempt.value?.items ?? []
    const open = items.findIndex(i => !isDone(i.id))
    return open === -1 ? items.length : open
  })

  async function start() {
    attempt.value = await $fetch<AttemptCreated>(`/api/quizzes/${encodeURIComponent(slug)}/attempts`, { method: 'POST' })
    progress.value = {}
    sessionStorage.setItem(key, attempt.value.attemptId)
  }

  /** Carries on with this tab's unfinished attempt, or takes `fresh` (drawn while the page was made), or starts one. */
  async function resumeOrStart(fresh?: AttemptCreated | null) {
    const id = sessionStorage.getItem(key)
    if (id && id !== fresh?.attemptId) {
      try {
        const state = await $fetch<AttemptState>(`/api/quiz-attempts/${id}`)
        attempt.value = { attemptId: state.attemptId, quiz: state.quiz, items: state.items }
        progress.value = Object.fromEntries(state.answered.map(a => [a.itemId, { verdict: a.verdict, result: a.result }]))
        if (index.value < state.items.length) return
      }
      catch {
        sessionStorage.removeItem(key)
      }
    }
    if (fresh) {
      attempt.value = fresh
      progress.value = {}
      sessionStorage.setItem(key, fresh.attemptId)
      return
    }
    await start()
  }

  async function answer(itemId: string, body: AnswerBody['answer']) {
    busy.value = true
    failed.value = false
    try {
      const result = await $fetch<AnswerResult>(`/api/quiz-attempts/${attempt.value!.attemptId}/answers`, { method: 'POST', body: { itemId, answer: body } })
      const before = progress.value[itemId]
      progress.value = {
        ...progress.value,
        [itemId]: {
          verdict: 'verdict' in body ? body.verdict : before!.verdict,
          result,
          chosen: 'option' in body ? body.option : before?.chosen,
          tapped: 'flags' in body ? body.flags : before?.tapped,
        },
      }
      return result
    }
    catch {
      failed.value = true
      return null
    }
    finally {
      busy.value = false
    }
  }

  const finish = () => sessionStorage.removeItem(key)
  return { attempt, progress, index, busy, failed, resumeOrStart, start, answer, finish }
}
