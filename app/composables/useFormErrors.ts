import type { z } from 'zod'

/**
 * A schema, or a loader for one: a form that only a few people send imports its
 * schema (and zod with it, ~25 KB gzipped) when it is first sent, not with the page.
 */
export type SchemaSource<T extends z.ZodType> = T | (() => Promise<T>)

export interface FieldError {
  field: string
  message: string
}

/**
 * GOV.UK-style form errors: one list for the summary at the top, and the same
 * messages beside each field. Messages are translated per field, from the
 * shared zod schema on the client and from the API's fieldErrors alike.
 */
export function useFormErrors(messageFor: (field: string) => string) {
  const errors = ref<FieldError[]>([])
  const summary = ref<{ focus: () => void } | null>(null)

  const byField = computed(() => Object.fromEntries(errors.value.map(e => [e.field, e.message])) as Record<string, string | undefined>)

  function show(list: FieldError[]) {
    errors.value = list
    if (list.length) nextTick(() => summary.value?.focus())
  }
  function fromFields(fields: string[]) {
    show([...new Set(fields)].map(field => ({ field, message: messageFor(field) })))
  }
  /** Validates with a shared schema; returns the parsed data, or null after showing the errors. */
  function check<T extends z.ZodType>(schema: T, data: unknown): z.output<T> | null {
    const result = schema.safeParse(data)
    if (result.success) {
      errors.value = []
      return result.data
    }
    fromFields(result.error.issues.map(i => String(i.path[0] ?? '_')))
    return null
  }
  /** Field errors from a 422, or one general message for anything else. */
  function fromApi(error: unknown, general: (status: number | undefined) => string) {
    const data = (error as { data?: { statusCode?: number, data?: { fieldErrors?: Record<string, string[]> } } }).data
    const fields = Object.keys(data?.data?.fieldErrors ?? {})
    if (fields.length) return fromFields(fields)
    show([{ field: '_', message: general(data?.statusCode ?? (error as { statusCode?: number }).statusCode) }])
  }
  const { busy, run } = useBusy()
  /** Validates, then sends while `busy`; a refusal goes to `refused`, and the form keeps what was typed. */
  async function checkAndSend<T extends z.ZodType>(schema: SchemaSource<T>, data: unknown, send: (body: z.output<T>) => Promise<unknown>, refused: (error: unknown) => void) {
    let resolved: T
    try {
      resolved = typeof schema === 'function' ? await schema() : schema
    }
    catch (error) {
      // The schema did not arrive (the connection dropped): say so; what was typed stays.
      return refused(error)
    }
    const body = check(resolved, data)
    if (body) await run(() => send(body), refused)
  }
  /** checkAndSend, a refusal from the API showing as errors. */
  function submit<T extends z.ZodType>(schema: SchemaSource<T>, data: unknown, send: (body: z.output<T>) => Promise<unknown>, general: (status: number | undefined) => string) {
    return checkAndSend(schema, data, send, error => fromApi(error, general))
  }
  return { errors, byField, summary, busy, show, check, fromApi, checkAndSend, submit, clear: () => show([]) }
}

/** One request at a time: `busy` while it runs (for disabling the button); what goes wrong goes to `fail`, or is thrown on without one. */
export function useBusy() {
  const busy = ref(false)
  async function run(send: () => Promise<unknown>, fail?: (error: unknown) => void) {
    busy.value = true
    try {
      await send()
    }
    catch (error) {
      if (!fail) throw error
      fail(error)
    }
    finally {
      busy.value = false
    }
  }
  return { busy, run }
}
