import { createError } from 'h3'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { VoteResult } from '#shared/cases/views'
import type { Database } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { isUniqueViolation } from '~~/server/utils/errors'
import { votingOpen, type CallRow } from './calls'

const refused = (reason: 'already-voted' | 'no-votes-left', message: string) => createError({ statusCode: 409, message, data: { reason } })

/**
 * One vote per number and case (the unique index decides), and no more than the
 * call's votes per person (a guarded update of the number's counter row, which
 * concurrent votes of one number wait for in turn). Either both hold or nothing is written.
 */
export async function castVote(db: Kysely<Database>, call: CallRow, submissionId: string, phoneHash: string, now = nowIso()): Promise<VoteResult> {
  if (!votingOpen(call, now)) throw createError({ statusCode: 410, message: 'Voting is not open for this call now', data: { reason: 'voting-closed' } })
  return writeTransaction(db, async (trx) => {
    try {
      await trx.insertInto('case_votes').values({ id: newId(), call_id: call.id, submission_id: submissionId, phone_hash: phoneHash, created_at: now }).execute()
    }
    catch (error) {
      if (isUniqueViolation(error)) throw refused('already-voted', 'This number has already voted for this case')
      throw error
    }
    await trx.insertInto('case_voters').values({ call_id: call.id, phone_hash: phoneHash, votes: 0 }).onConflict(oc => oc.columns(['call_id', 'phone_hash']).doNothing()).execute()
    const counted = await trx.updateTable('case_voters').set({ votes: sql`votes + 1` })
      .where('call_id', '=', call.id).where('phone_hash', '=', phoneHash).where('votes', '<', call.votes_per_person)
      .returning('votes').executeTakeFirst()
    if (!counted) throw refused('no-votes-left', `Each number may vote for ${call.votes_per_person} cases in this call`)
    const updated = await trx.updateTable('case_submissions').set({ vote_count: sql`vote_count + 1` }).where('id', '=', submissionId)
      .returning('vote_count').executeTakeFirstOrThrow()
    return { votes: updated.vote_count, votesLeft: call.votes_per_person - counted.votes }
  })
}
