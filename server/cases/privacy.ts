import { decryptText } from '~~/server/privacy/crypto'
import { definePersonalDataSource, definePurger } from '~~/server/privacy/retention'
import { sql } from 'kysely'
import { nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'

/** After the retention period the contact goes; the case, its organisation and its pictures stay, as published. */
export const caseContactsPurger = definePurger({
  name: 'case-contacts',
  async purge(db, now) {
    const result = await db.updateTable('case_submissions').set({ contact_name_enc: null, contact_phone_enc: null, phone_hash: null, anonymised_at: now })
      .where('purge_after', '<=', now).where('anonymised_at', 'is', null).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

/** Who voted is kept only while the call's vote is open (to count each number once); then only the counts remain. */
export const caseVotersPurger = definePurger({
  name: 'case-voters',
  async purge(db, now) {
    const closed = db.selectFrom('case_calls').select('id').where('vote_closes_at', '<=', now)
    const votes = await db.updateTable('case_votes').set({ phone_hash: null }).where('call_id', 'in', closed).where('phone_hash', 'is not', null).executeTakeFirst()
    await db.deleteFrom('case_voters').where('call_id', 'in', closed).execute()
    return Number(votes.numUpdatedRows)
  },
})

export const caseSubmissionsDataSource = definePersonalDataSource({
  name: 'case-submissions',
  async find(db, phoneHash) {
    const rows = await db.selectFrom('case_submissions as s').innerJoin('case_calls as c', 'c.id', 's.call_id')
      .select(['s.title', 's.status', 's.contact_name_enc', 's.contact_phone_enc', 's.created_at', 's.purge_after', 'c.title_zh', 'c.title_en'])
      .where('s.phone_hash', '=', phoneHash).execute()
    return Promise.all(rows.map(async r => ({
      call: { zh: r.title_zh, en: r.title_en }, title: r.title, status: r.status,
      contactName: r.contact_name_enc ? await decryptText(r.contact_name_enc) : null, contactPhone: r.contact_phone_enc ? await decryptText(r.contact_phone_enc) : null,
      createdAt: r.created_at, deleteAfter: r.purge_after,
    })))
  },
  async erase(db, phoneHash) {
    const result = await db.updateTable('case_submissions').set({ contact_name_enc: null, contact_phone_enc: null, phone_hash: null, anonymised_at: nowIso() })
      .where('phone_hash', '=', phoneHash).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

export const caseVotesDataSource = definePersonalDataSource({
  name: 'case-votes',
  async find(db, phoneHash) {
    const rows = await db.selectFrom('case_votes as v').innerJoin('case_submissions as s', 's.id', 'v.submission_id').innerJoin('case_calls as c', 'c.id', 'v.call_id')
      .select(['s.title', 'v.created_at', 'c.vote_closes_at']).where('v.phone_hash', '=', phoneHash).execute()
    return rows.map(r => ({ case: r.title, votedAt: r.created_at, deleteAfter: r.vote_closes_at }))
  },
  async erase(db, phoneHash) {
    // While a vote is open, the votes themselves go (and come off the counts): an unlinked vote
    // would let the same number vote again. After the close only the link was left, and it goes.
    return writeTransaction(db, async (trx) => {
      const now = nowIso()
      const open = await trx.selectFrom('case_votes as v').innerJoin('case_calls as c', 'c.id', 'v.call_id')
        .select(['v.id', 'v.submission_id']).where('v.phone_hash', '=', phoneHash).where('c.vote_closes_at', '>', now).execute()
      for (const vote of open) {
        await trx.deleteFrom('case_votes').where('id', '=', vote.id).execute()
        await trx.updateTable('case_submissions').set({ vote_count: sql`vote_count - 1` }).where('id', '=', vote.submission_id).execute()
      }
      const unlinked = await trx.updateTable('case_votes').set({ phone_hash: null }).where('phone_hash', '=', phoneHash).executeTakeFirst()
      await trx.deleteFrom('case_voters').where('phone_hash', '=', phoneHash).execute()
      return open.length + Number(unlinked.numUpdatedRows)
    })
  },
})
