import { createError } from 'h3'
import type { Kysely } from 'kysely'
import { publicStatuses } from '#shared/cases/vocabulary'
import type { Database } from '~~/server/database/schema'
import type { CallRow } from './calls'
import type { SubmissionRow } from './views'

/** A case the public may see: published or awarded, not hidden, of this city. */
export async function publicCase(db: Kysely<Database>, city: string, slug: string): Promise<{ row: SubmissionRow, call: CallRow }> {
  const row = await db.selectFrom('case_submissions').selectAll().where('slug', '=', slug).where('status', 'in', publicStatuses).where('hidden_at', 'is', null).executeTakeFirst()
  const call = row && await db.selectFrom('case_calls').selectAll().where('id', '=', row.call_id).where('city_slug', '=', city).executeTakeFirst()
  if (!row || !call) throw createError({ statusCode: 404, message: 'No such case' })
  return { row, call }
}
