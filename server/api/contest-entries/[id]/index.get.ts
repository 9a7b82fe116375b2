import { entryParams } from '#shared/contests/requests'
import type { EntryState } from '#shared/contests/views'
import { contestTopics } from '#shared/contests/content'
import { entryState } from '~~/server/contests/entries'
import { entrySecretHash } from '~~/server/contests/entry-secret'
import { contestPool } from '~~/server/contests/pool'

/** An entry's items and answers so far, for its entrant (the secret header): they may pause and carry on until the close. */
export default defineEventHandler(async (event): Promise<EntryState> => {
  const { id } = await validParams(event, entryParams)
  const secretHash = entrySecretHash(event)
  const { db } = await usePortal()
  setResponseHeader(event, 'cache-control', 'no-store')
  return entryState(db, await contestPool(event, { topics: [...contestTopics] }), id, secretHash)
})
