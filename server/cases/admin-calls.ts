import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { z } from 'zod'
import type { adminCallItem as adminCallItemSchema } from '#shared/cases/views'
import type { Database } from '~~/server/database/schema'
import { callView, type CallRow } from './calls'

/** A call as admins list it: the public view, its id and how many cases were handed in. */
export async function adminCallItem(db: Kysely<Database>, row: CallRow): Promise<z.infer<typeof adminCallItemSchema>> {
  const { n } = await db.selectFrom('case_submissions').select(sql<number>`count(*)`.as('n')).where('call_id', '=', row.id).where('status', '!=', 'draft').executeTakeFirstOrThrow()
  return { ...(await callView(db, row)), id: row.id, submissions: Number(n) }
}
