import { contestAnswerBody, entryParams, type ContestAnswerResult } from '#shared/contest/schemas'
import { answerEntry, entryOf } from '../../../contest/entries'
import { contestPool } from '../../../contest/pool'

export default defineEventHandler(async (event): Promise<ContestAnswerResult> => {
  const { id } = await validParams(event, entryParams)
  const body = await validBody(event, contestAnswerBody)
  await enforceRateLimit(event, residentLimit('contest-answer', 600, 3600))
  const { db } = await usePortal()
  const entry = await entryOf(db, id)
  setResponseHeader(event, 'cache-control', 'no-store')
  return answerEntry(db, await contestPool(event, JSON.parse(entry.pool_json)), id, body)
})
