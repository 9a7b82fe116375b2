import { checkInBody } from '#shared/events/organizer'
import { isConfirmationCode } from '#shared/primitives'

/** What the check-in page says after a scan or a code (keys under organizerEvents.checkIn.results). */
export type OrganizerCheckInResult
  = | { kind: 'ok', count: number, code: string, name: string }
    | { kind: 'already', time: string, code: string, name: string }
    | { kind: 'waitlisted' | 'cancelled' | 'not-found' | 'invalid-ticket' | 'invalid-code' | 'failed' }

/** A scanned QR code: the portal's ticket token (or a ticket link), or a confirmation code. */
export function parseScan(raw: string): { code: string } | { ticketToken: string } {
  const text = raw.trim()
  if (isConfirmationCode(text)) return { code: text.toUpperCase() }
  const fromLink = /\/tickets\/([^/?#]+)/.exec(text)?.[1]
  return { ticketToken: fromLink ? decodeURIComponent(fromLink) : text }
}

/** Checks people in and keeps the last result for the live region; `changed` runs after anything that moved the counts. */
export function useOrganizerCheckIn(eventId: string, changed: () => unknown) {
  const result = ref<OrganizerCheckInResult | null>(null)
  const busy = ref(false)

  /** Clears the region first, so that the same message twice in a row is still announced. */
  async function show(next: OrganizerCheckInResult) {
    result.value = null
    await nextTick()
    result.value = next
  }

  async function checkIn(input: { code: string } | { ticketToken: string }): Promise<boolean> {
    const body = checkInBody.safeParse('code' in input ? { code: input.code.replace(/[\s-]/g, '') } : input)
    if (!body.success) {
      await show({ kind: 'invalid-code' })
      return false
    }
    busy.value = true
    try {
      const r = await $fetch(`/api/organizer/events/${encodeURIComponent(eventId)}/check-ins`, { method: 'POST', body: body.data })
      await show(r.alreadyCheckedIn ? { kind: 'already', time: r.checkedInAt, code: r.code, name: r.name } : { kind: 'ok', count: r.partySize, code: r.code, name: r.name })
      await changed()
      return true
    }
    catch (error) {
      const { reason } = apiProblem(error)
      const known = ['waitlisted', 'cancelled', 'not-found', 'invalid-ticket'] as const
      await show({ kind: known.find(k => k === reason) ?? 'failed' })
      return false
    }
    finally {
      busy.value = false
    }
  }

  return { result, busy, checkIn, show }
}
