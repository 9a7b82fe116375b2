/** The quiz in the route (`/quiz/<slug>/…`), or the 404 page when there is none. */
export async function useQuiz() {
  const slug = String(useRoute().params.slug)
  const { data, error } = await useFetch(`/api/quizzes/${encodeURIComponent(slug)}`, { key: `quiz:${slug}` })
  if (error.value || !data.value) {
    const status = error.value?.statusCode
    throw createError({ statusCode: !status || status === 400 ? 404 : status, statusMessage: 'Quiz not found', fatal: true })
  }
  return { slug, quiz: computed(() => data.value!) }
}
