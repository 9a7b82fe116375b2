/** What went wrong with an API call, read from a $fetch (ofetch) error. */
export interface ApiProblem {
  status: number | undefined
  /** The machine-readable reason some handlers add (`duplicate`, `full`, `closed`…). */
  reason: string | undefined
  fieldErrors: Record<string, string[]>
  /** From Retry-After on a 429, rounded up to whole minutes. */
  retryMinutes: number | undefined
}

export function apiProblem(error: unknown): ApiProblem {
  const e = error as {
    statusCode?: number
    data?: { statusCode?: number, data?: { reason?: string, fieldErrors?: Record<string, string[]> } }
    response?: { headers?: Headers }
  }
  const retryAfter = Number(e.response?.headers?.get('retry-after'))
  return {
    status: e.data?.statusCode ?? e.statusCode,
    reason: e.data?.data?.reason,
    fieldErrors: e.data?.data?.fieldErrors ?? {},
    retryMinutes: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : undefined,
  }
}
