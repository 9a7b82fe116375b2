import { decryptText } from '../privacy/crypto'
import { definePersonalDataSource, definePurger } from '../privacy/retention'
import { nowIso } from '../database/ids'

/** After the retention period the number goes; the nickname, team and score stay for the published results. */
export const contestEntriesPurger = definePurger({
  name: 'contest-entries',
  async purge(db, now) {
    const result = await db.updateTable('contest_entries').set({ phone_enc: null, phone_hash: null, anonymised_at: now })
      .where('purge_after', '<=', now).where('anonymised_at', 'is', null).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

export const contestEntriesDataSource = definePersonalDataSource({
  name: 'contest-entries',
  async find(db, phoneHash) {
    const rows = await db.selectFrom('contest_entries as e').innerJoin('contests as c', 'c.id', 'e.contest_id')
      .select(['c.title_zh', 'c.title_en', 'e.team', 'e.nickname', 'e.phone_enc', 'e.correct', 'e.answered', 'e.created_at', 'e.purge_after'])
      .where('e.phone_hash', '=', phoneHash).execute()
    return Promise.all(rows.map(async r => ({
      contest: { zh: r.title_zh, en: r.title_en }, team: r.team, nickname: r.nickname, phone: r.phone_enc ? await decryptText(r.phone_enc) : null,
      correct: r.correct, answered: r.answered, enteredAt: r.created_at, deleteAfter: r.purge_after,
    })))
  },
  async erase(db, phoneHash) {
    const result = await db.updateTable('contest_entries').set({ phone_enc: null, phone_hash: null, anonymised_at: nowIso() }).where('phone_hash', '=', phoneHash).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})
