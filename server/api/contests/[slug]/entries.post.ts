import { contestParams, entryBody } from '#shared/contests/requests'
import type { EntryCreated } from '#shared/contests/views'
import { findContest, poolOf } from '~~/server/contests/contests'
import { createEntry } from '~~/server/contests/entries'
import { contestPool } from '~~/server/contests/pool'
import { lookupHash } from '~~/server/privacy/crypto'
import { requireVerifiedPhone } from '~~/server/verification/service'

/** One entry per verified number (409 if it has one), only while the contest is open (410). No item's answer is sent. */
export default defineEventHandler(async (event): Promise<EntryCreated> => {
  const { slug } = await validParams(event, contestParams)
  const body = await validBody(event, entryBody)
  await enforceRateLimit(event, residentLimit('contest-entry', 20, 3600))
  const { db, city } = await usePortal()
  const contest = await findContest(db, city.slug, slug)
  if (!contest) throw createError({ statusCode: 404, message: 'No such contest' })
  const phoneHash = await requireVerifiedPhone(event, body.verificationToken, 'contest-entry')
  if (await lookupHash(body.phone) !== phoneHash) throw invalidFields({ phone: ['This is not the number you confirmed'] })
  const entry = await createEntry(db, contest, city, await contestPool(event, poolOf(contest)), { phoneHash, phone: body.phone, team: body.team, nickname: body.nickname })
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return entry
})
