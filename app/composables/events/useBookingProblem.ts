/** A resident's look-up, change or cancel went wrong: one sentence saying why and what to do. */
export function useBookingProblem() {
  const { t } = useTranslation()
  return (error: unknown): string => {
    const { status, retryMinutes } = apiProblem(error)
    if (status === 404) return t('myBookings.errors.notFound')
    if (status === 429) return retryMinutes ? t('myBookings.errors.rateLimitedMinutes', { count: retryMinutes }) : t('myBookings.errors.rateLimited')
    if (status === 422) return t('myBookings.errors.invalid')
    return t('errors.genericBody')
  }
}
