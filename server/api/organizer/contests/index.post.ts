import { contestBody } from '#shared/contests/requests'
import type { ContestRef } from '#shared/contests/views'
import { insertContest } from '~~/server/contests/contests'

export default defineEventHandler(async (event): Promise<ContestRef> => {
  const body = await validBody(event, contestBody)
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  try {
    const id = await insertContest(db, city.slug, body, user.organisationId ?? null)
    await recordAudit(event, user, { action: 'contest.create', targetType: 'contest', targetId: id })
    setResponseStatus(event, 201)
    return { id, slug: body.slug }
  }
  catch (error) {
    if (isUniqueViolation(error)) throw invalidFields({ slug: ['Another contest of this city has this address'] })
    throw error
  }
})
