import { useLocalStorage } from '@vueuse/core'
import type { CourseProgress, ProgressView } from '#shared/courses/progress'

export type { CourseProgress }

const COURSE_KEY = 'portal:course:'
const CODE_KEY = 'portal:resume-code'
/** The course a step was last opened in: the home page offers to continue it. */
const LAST_KEY = 'portal:last-course'

const serializer = { read: (v: string) => (v ? JSON.parse(v) as CourseProgress : null), write: (v: CourseProgress | null) => JSON.stringify(v) }

/** The resume code this browser uses, if the learner asked for one (or typed one in). */
export const useResumeCodeStore = () => useLocalStorage<string>(CODE_KEY, '', { initOnMounted: true })

/** Every course this browser has progress in, read from localStorage. */
function storedCourses(): Record<string, CourseProgress> {
  const courses: Record<string, CourseProgress> = {}
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!
    if (!key.startsWith(COURSE_KEY)) continue
    const value = serializer.read(localStorage.getItem(key) ?? '')
    if (value) courses[key.slice(COURSE_KEY.length)] = value
  }
  return courses
}

/** Sends a step (or a finished lesson) to the server behind the resume code; a code the server forgot is dropped. */
async function sync(code: Ref<string>, course: string, lesson: string, step: number, completed: boolean) {
  if (!code.value) return
  try {
    await $fetch(`/api/progress/${code.value}`, { method: 'PUT', body: { course, lesson, step, completed } })
  }
  catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) code.value = ''
  }
}

/**
 * A course's progress in localStorage (no account). Read it only after mounting: the server cannot
 * know it, so whatever shows it renders on the client. With a resume code it is also kept on the server.
 */
export function useCourseProgress(course: MaybeRefOrGetter<string>) {
  const key = computed(() => `${COURSE_KEY}${toValue(course)}`)
  const stored = useLocalStorage<CourseProgress | null>(key, null, { serializer, initOnMounted: true })
  const code = useResumeCodeStore()
  function visit(lesson: string, step: number) {
    stored.value = { lesson, step, done: stored.value?.done ?? [] }
    localStorage.setItem(LAST_KEY, toValue(course))
    void sync(code, toValue(course), lesson, step, false)
  }
  function finish(lesson: string) {
    const done = [...new Set([...(stored.value?.done ?? []), lesson])]
    const step = stored.value?.lesson === lesson ? stored.value.step : 1
    stored.value = { lesson, step, done }
    void sync(code, toValue(course), lesson, step, true)
  }
  return { progress: stored, visit, finish }
}

/** A new resume code for everything this browser has learnt, or this browser's progress replaced by a code's. */
export function useResumeCode() {
  const code = useResumeCodeStore()
  async function create(): Promise<string> {
    const entries = Object.entries(storedCourses())
    if (!entries.length) throw new Error('no progress')
    const [[first, p], ...rest] = entries as [[string, CourseProgress], ...Array<[string, CourseProgress]>]
    const made = await $fetch<ProgressView>('/api/progress', { method: 'POST', body: { course: first, lesson: p.lesson, step: p.step, done: p.done } })
    for (const [slug, q] of rest) {
      await $fetch(`/api/progress/${made.resumeCode}`, { method: 'PUT', body: { course: slug, lesson: q.lesson, step: q.step, done: q.done } }).catch(() => {})
    }
    code.value = made.resumeCode
    return made.resumeCode
  }
  function restore(view: ProgressView) {
    for (const [slug, p] of Object.entries(view.courses)) localStorage.setItem(`${COURSE_KEY}${slug}`, serializer.write(p))
    code.value = view.resumeCode
  }
  return { code, create, restore }
}

const counted = new Set<string>()
let waiting: Array<() => void> = []
/**
 * Counts a step reached or a lesson finished, once per page load: anonymous, for the organizers'
 * figures. Offline (a lesson goes on without the network), the counts wait until it is back.
 */
export function countLessonActivity(course: string, lesson: string, step: number | 'completed') {
  const key = `${course}/${lesson}/${step}`
  if (counted.has(key)) return
  counted.add(key)
  const body = step === 'completed' ? { course, lesson, completed: true } : { course, lesson, step }
  const send = () => void $fetch('/api/course-activity', { method: 'POST', body }).catch(() => counted.delete(key))
  if (navigator.onLine) return send()
  if (!waiting.length) {
    window.addEventListener('online', () => {
      const sends = waiting
      waiting = []
      sends.forEach(s => s())
    }, { once: true })
  }
  waiting.push(send)
}
