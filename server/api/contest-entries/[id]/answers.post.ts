import { contestAnswerBody, entryParams } from '#shared/contests/requests'
import type { ContestAnswerResult } from '#shared/contests/views'
import { contestTopics } from '#shared/contests/content'
import { answerEntry } from '~~/server/contests/entries'
import { entrySecretHash } from '~~/server/contests/entry-secret'
import { contestPool } from '~~/server/contests/pool'

/** Only the entrant answers: the secret minted at entry (a header) is the credential, not the id staff see. */
export default defineEventHandler(async (event): Promise<ContestAnswerResult> => {
  const { id } = await validParams(event, entryParams)
  const body = await validBody(event, contestAnswerBody)
  await enforceRateLimit(event, residentLimit('contest-answer', 600, 3600))
  const secretHash = entrySecretHash(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  // Every question of the bank: the entry says which of them are its own.
  return answerEntry(db, await contestPool(event, { topics: [...contestTopics] }), id, secretHash, body)
})
