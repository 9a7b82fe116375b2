import { useLocalStorage } from '@vueuse/core'

/** Where a learner is in one course: the last step opened, and the lessons finished. Kept in this browser only. */
export interface CourseProgress { lesson: string, step: number, done: string[] }

/**
 * A course's progress in localStorage (no account, nothing sent). Read it only after mounting:
 * the server cannot know it, so whatever shows it renders on the client.
 */
export function useCourseProgress(course: MaybeRefOrGetter<string>) {
  const key = computed(() => `portal:course:${toValue(course)}`)
  const stored = useLocalStorage<CourseProgress | null>(key, null, {
    serializer: { read: v => (v ? JSON.parse(v) as CourseProgress : null), write: v => JSON.stringify(v) },
    initOnMounted: true,
  })
  function visit(lesson: string, step: number) {
    stored.value = { lesson, step, done: stored.value?.done ?? [] }
  }
  function finish(lesson: string) {
    const done = [...new Set([...(stored.value?.done ?? []), lesson])]
    stored.value = { lesson, step: stored.value?.step ?? 1, done }
  }
  return { progress: stored, visit, finish }
}
