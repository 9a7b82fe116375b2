import type { H3Event } from 'h3'
import { createError } from 'h3'
import { organizerContestParams } from '#shared/contests/requests'
import { assertOrganisation, requireOrganizer } from '~~/server/utils/auth'
import { usePortal } from '~~/server/utils/db'
import { validParams } from '~~/server/utils/validate'

/** The contest in the URL, if the signed-in organizer's organisation runs it (admins: any of the city's). */
export async function ownedContest(event: H3Event) {
  const { id } = await validParams(event, organizerContestParams)
  const user = await requireOrganizer(event)
  const { db, city } = await usePortal()
  const row = await db.selectFrom('contests').selectAll().where('id', '=', id).where('city_slug', '=', city.slug).executeTakeFirst()
  if (!row) throw createError({ statusCode: 404, message: 'No such contest' })
  if (user.role !== 'admin') assertOrganisation(user, row.organisation_id)
  return { row, user, db, city }
}
