import { entryParams, type EntryState } from '#shared/contest/schemas'
import { entryOf, entryState } from '../../../contest/entries'
import { contestPool } from '../../../contest/pool'

/** An entry's items and answers so far: the participant may pause and carry on until the close. */
export default defineEventHandler(async (event): Promise<EntryState> => {
  const { id } = await validParams(event, entryParams)
  const { db } = await usePortal()
  const entry = await entryOf(db, id)
  setResponseHeader(event, 'cache-control', 'no-store')
  return entryState(db, await contestPool(event, JSON.parse(entry.pool_json)), id)
})
