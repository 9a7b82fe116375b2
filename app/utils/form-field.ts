/** What every labelled control takes: FormField, its wrappers and its kin draw the label, hint and error from it. */
export interface FieldProps {
  id: string
  label: string
  hint?: string
  error?: string
}

/** Just the frame's part of a wrapper's props, so that the control's own props do not fall through to the frame. */
export function fieldFrame({ id, label, hint, error }: FieldProps): FieldProps {
  return { id, label, hint, error }
}

/** The ids of a control's hint and error that exist, for aria-describedby. */
export function describedBy({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
}
