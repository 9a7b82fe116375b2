import type { AdminCaseView, ReviewerCaseView } from '#shared/cases/views'

/**
 * The case in the route (`/admin/cases/<id>`, `/organizer/cases/<id>`) as the staff API shows it to
 * its role, or the 404 page; `changed` puts what a form's request returned in its place.
 */
export async function useStaffCase<View extends AdminCaseView | ReviewerCaseView>(api: '/api/admin/cases' | '/api/organizer/cases') {
  const id = String(useRoute().params.id)
  const { data, error } = await useFetch(`${api}/${id}`)
  requireFound(error.value, data.value, 'Case not found')
  // The URL pattern also matches …/calls and …/conflicts, so the route's type is a union: the page names its view.
  const view = computed(() => data.value as View)
  const changed = (next: View) => {
    data.value = next
  }
  return { id, view, changed }
}
