import type { HealthResponse } from '#shared/platform/schemas'

export default defineEventHandler(async (event): Promise<HealthResponse> => {
  const { db, dialect, migration } = await usePortal()
  await db.selectFrom('cities').select('slug').limit(1).execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return { ok: true, db: dialect, migration }
})
