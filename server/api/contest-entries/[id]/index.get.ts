import { entryParams, type EntryState } from '#shared/contest/schemas'
import { contestTopics } from '#shared/contest/content'
import { entryState } from '~~/server/contest/entries'
import { entrySecretHash } from '~~/server/contest/entry-secret'
import { contestPool } from '~~/server/contest/pool'

/** An entry's items and answers so far, for its entrant (the secret header): they may pause and carry on until the close. */
export default defineEventHandler(async (event): Promise<EntryState> => {
  const { id } = await validParams(event, entryParams)
  const secretHash = entrySecretHash(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  return entryState(db, await contestPool(event, { topics: [...contestTopics] }), id, secretHash)
})
