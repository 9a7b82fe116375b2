import type { SessionResponse } from '#shared/accounts/schemas'

export default defineEventHandler(async (event): Promise<SessionResponse> => {
  const user = await requireUser(event, { allowPasswordChangePending: true })
  setResponseHeader(event, 'cache-control', 'no-store')
  return { user }
})
