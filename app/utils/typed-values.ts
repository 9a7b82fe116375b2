type Values = Record<string, string | boolean>

/**
 * The starting values of a form that hydrates late: what the person already typed or
 * chose in the server-rendered form (found by `selector`; controls are named by their
 * ids) before its code arrived, else the defaults. Hydration sets every control to the
 * model's value, so a model that started from the defaults would wipe it.
 */
export function typedValues<T extends Values>(selector: string, names: Record<keyof T, string>, defaults: T): T {
  const values: Values = { ...defaults }
  const form = import.meta.client ? document.querySelector<HTMLFormElement>(selector) : null
  if (!form) return defaults
  for (const key of Object.keys(names)) {
    // An input, a select, or the RadioNodeList of a group of radios.
    const control = form.elements.namedItem(names[key]!) as HTMLInputElement | HTMLSelectElement | RadioNodeList | null
    if (!control) continue
    values[key] = typeof defaults[key] === 'boolean' ? (control as HTMLInputElement).checked : control.value
  }
  return values as T
}
