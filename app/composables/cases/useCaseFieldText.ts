const labels: Record<string, string> = {
  title: 'cases.form.caseTitle',
  organisationName: 'cases.form.organisationName',
  creditCode: 'cases.form.creditCode',
  contactName: 'cases.form.contactName',
  contactPhone: 'cases.submit.phone',
  district: 'cases.form.district',
  theme: 'cases.form.theme',
  summary: 'cases.form.summary',
  description: 'cases.form.description',
  outcomes: 'cases.outcomes.title',
  images: 'cases.images.title',
}

/** A submission field's name and its error message, for the status, the error summary and API answers ('outcomes.0.value' is outcomes'). */
export function useCaseFieldText() {
  const { t } = useTranslation()
  const top = (field: string) => field.split('.')[0]!
  return {
    top,
    label: (field: string) => (labels[top(field)] ? t(labels[top(field)]!) : field),
    message: (field: string) => (labels[top(field)] || top(field) === 'verificationToken' ? t(`cases.errors.${top(field)}`) : t('cases.errors.general')),
  }
}
