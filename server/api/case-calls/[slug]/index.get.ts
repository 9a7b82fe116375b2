import { callParams } from '#shared/cases/requests'
import type { CallView } from '#shared/cases/views'
import { callView, findCall } from '~~/server/cases/calls'

/** A call: its rules, weights, vote window and, once published, the final ranking. */
export default defineEventHandler(async (event): Promise<CallView> => {
  const { slug } = await validParams(event, callParams)
  const { db, city } = await usePortal()
  const view = await callView(db, await findCall(db, city.slug, slug))
  cachePublic(event, 60)
  return view
})
