import type { z } from 'zod'
import { adminCallParams, rankingBody } from '#shared/cases/requests'
import type { adminCallItem as adminCallItemSchema } from '#shared/cases/views'
import { adminCallItem } from '~~/server/cases/admin-calls'
import { callById } from '~~/server/cases/calls'

/** Publishes the call's final ranking on its page and in the open data (or withdraws it). */
export default defineEventHandler(async (event): Promise<z.infer<typeof adminCallItemSchema>> => {
  const { id } = await validParams(event, adminCallParams)
  const body = await validBody(event, rankingBody)
  const admin = await requireAdmin(event)
  const { db, city } = await usePortal()
  await callById(db, city.slug, id)
  await db.updateTable('case_calls').set({ ranking_published_at: body.publish ? nowIso() : null, updated_at: nowIso() }).where('id', '=', id).execute()
  await recordAudit(event, admin, { action: body.publish ? 'case-call.ranking.publish' : 'case-call.ranking.withdraw', targetType: 'case-call', targetId: id })
  return adminCallItem(db, await callById(db, city.slug, id))
})
