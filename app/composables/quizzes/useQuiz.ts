/** The quiz in the route (`/quiz/<slug>/…`), or the 404 page when there is none. */
export async function useQuiz() {
  const slug = String(useRoute().params.slug)
  const { data, error } = await useFetch(`/api/quizzes/${encodeURIComponent(slug)}`, { key: `quiz:${slug}` })
  requireFound(error.value, data.value, 'Quiz not found')
  return { slug, quiz: computed(() => data.value!) }
}
