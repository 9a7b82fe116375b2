import { decryptText } from '~~/server/privacy/crypto'
import { definePersonalDataSource, definePurger } from '~~/server/privacy/retention'
import { nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { numberKeyOf } from './entries'

/** After the retention period the number goes; the nickname, team and score stay for the published results. */
export const contestEntriesPurger = definePurger({
  name: 'contest-entries',
  async purge(db, now) {
    const result = await db.updateTable('contest_entries').set({ phone_enc: null, phone_hash: null, anonymised_at: now })
      .where('purge_after', '<=', now).where('anonymised_at', 'is', null).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

/** At the close no one can enter any more: the key that refused a number a second entry has done its work. */
export const contestNumberKeysPurger = definePurger({
  name: 'contest-number-keys',
  async purge(db, now) {
    const result = await db.updateTable('contest_entries').set({ number_key: null })
      .where('number_key', 'is not', null)
      .where('contest_id', 'in', db.selectFrom('contests').select('id').where('closes_at', '<=', now))
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

export const contestEntriesDataSource = definePersonalDataSource({
  name: 'contest-entries',
  async find(db, phoneHash) {
    const rows = await db.selectFrom('contest_entries as e').innerJoin('contests as c', 'c.id', 'e.contest_id')
      .select(['c.title_zh', 'c.title_en', 'e.team', 'e.nickname', 'e.phone_enc', 'e.correct', 'e.answered', 'e.created_at', 'e.purge_after'])
      .where('e.phone_hash', '=', phoneHash).where('e.erased_at', 'is', null).execute()
    return Promise.all(rows.map(async r => ({
      contest: { zh: r.title_zh, en: r.title_en }, team: r.team, nickname: r.nickname, phone: r.phone_enc ? await decryptText(r.phone_enc) : null,
      correct: r.correct, answered: r.answered, enteredAt: r.created_at, deleteAfter: r.purge_after,
    })))
  },
  /**
   * The entry's nickname, number, answers and score go at once, from every list and board. What stays until
   * the contest closes is a keyed hash of (contest, number), used for one thing: refusing that number a second entry.
   */
  async erase(db, phoneHash) {
    const rows = await db.selectFrom('contest_entries').select(['id', 'contest_id', 'number_key']).where('phone_hash', '=', phoneHash).execute()
    const keys = await Promise.all(rows.map(r => r.number_key ?? numberKeyOf(r.contest_id, phoneHash)))
    await writeTransaction(db, async (trx) => {
      for (const [i, r] of rows.entries()) {
        await trx.deleteFrom('contest_answers').where('entry_id', '=', r.id).execute()
        await trx.updateTable('contest_entries').set({
          phone_hash: null, phone_enc: null, nickname: '', item_ids: '[]', answered: 0, correct: 0,
          secret_hash: null, disqualify_reason: null, number_key: keys[i]!, erased_at: nowIso(), anonymised_at: nowIso(),
        }).where('id', '=', r.id).execute()
      }
    })
    return rows.length
  },
})
