/**
 * A lesson with all its steps, fetched once when it opens. Moving between its steps changes only
 * the URL: the data stays in the payload (getCachedData), so no request is made and the lesson goes
 * on working when the connection drops.
 */
export async function useLesson() {
  const route = useRoute()
  const nuxtApp = useNuxtApp()
  const course = String(route.params.course)
  const lesson = String(route.params.lesson)
  const { data, error } = await useFetch(`/api/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(lesson)}`, {
    key: `lesson:${course}/${lesson}`,
    getCachedData: key => nuxtApp.payload.data[key] ?? nuxtApp.static.data[key],
  })
  requireFound(error.value, data.value, 'Lesson not found')
  const base = `/courses/${course}/${lesson}`
  return { lesson: computed(() => data.value!), base }
}
