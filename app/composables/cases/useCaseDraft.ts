import type { SubmissionView } from '#shared/cases/views'

/** What the form holds: text as typed (a figure stays a string until it is sent). */
export function caseFormFrom(fields: SubmissionView['fields']) {
  return {
    title: fields.title,
    organisationName: fields.organisationName ?? '',
    creditCode: fields.creditCode ?? '',
    contactName: fields.contactName,
    district: fields.district ?? '',
    theme: fields.theme ?? '',
    summary: fields.summary ?? '',
    description: fields.description ?? '',
    outcomes: fields.outcomes.map(o => ({ label: o.label, value: String(o.value), unit: o.unit })),
  }
}
export type CaseForm = ReturnType<typeof caseFormFrom>

/** The body of a save: the fields filled in (an empty one is left out), figures as numbers. */
export function draftBody(form: CaseForm) {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(form)) {
    if (key !== 'outcomes' && typeof value === 'string' && value.trim() !== '') body[key] = value
  }
  const rows = form.outcomes.filter(o => o.label.trim() || o.value.trim() || o.unit.trim())
  if (rows.length) body.outcomes = rows.map(o => ({ label: o.label, value: o.value.trim() === '' ? Number.NaN : Number(o.value.replace(/[,，\s]/g, '')), unit: o.unit }))
  return body
}

/**
 * Drafts are never lost: what is typed is mirrored into localStorage under the
 * submission's id until the server has the same, and offered back on the next visit.
 */
export function useCaseDraft(id: string, form: CaseForm, saved: () => CaseForm) {
  const key = `portal:case-draft:${id}`
  const local = ref<{ at: string, form: CaseForm } | null>(null)
  const same = (a: CaseForm, b: CaseForm) => JSON.stringify(a) === JSON.stringify(b)

  onMounted(() => {
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as { at: string, form: CaseForm } | null
      if (kept?.form && !same(kept.form, saved())) local.value = kept
    }
    catch {
      localStorage.removeItem(key)
    }
    watch(form, (now) => {
      if (local.value) return
      if (same(now, saved())) localStorage.removeItem(key)
      else localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), form: now }))
    }, { deep: true })
  })
  function restore() {
    Object.assign(form, JSON.parse(JSON.stringify(local.value!.form)))
    local.value = null
  }
  function discard() {
    local.value = null
    localStorage.removeItem(key)
  }
  return { local, restore, discard, forget: () => localStorage.removeItem(key) }
}
