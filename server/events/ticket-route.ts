import type { H3Event } from 'h3'
import { ticketParams } from '#shared/events/requests'
import { verifyTicketToken } from './tickets'

/** The registration behind a ticket link, or 404 for any token that is not genuine. */
export async function registrationForTicket(event: H3Event) {
  const { token } = await validParams(event, ticketParams)
  const id = await verifyTicketToken(token)
  const db = await useDb()
  const reg = id ? await db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst() : undefined
  if (!reg) throw createError({ statusCode: 404, message: 'No such ticket' })
  return { reg, token }
}
