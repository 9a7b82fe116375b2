import type { OrganizerEntries } from '#shared/contests/views'
import { maskPhone } from '#shared/utils/mask'
import { ownedContest } from '~~/server/contests/owned'
import { decryptText } from '~~/server/privacy/crypto'

/** The entries with masked numbers, best first. */
export default defineEventHandler(async (event): Promise<OrganizerEntries> => {
  const { row, db } = await ownedContest(event)
  const rows = await db.selectFrom('contest_entries').selectAll().where('contest_id', '=', row.id).where('erased_at', 'is', null).orderBy('correct', 'desc').orderBy('created_at').execute()
  setResponseHeader(event, 'cache-control', 'no-store')
  return {
    items: await Promise.all(rows.map(async r => ({
      id: r.id, nickname: r.nickname, team: r.team, phone: r.phone_enc ? maskPhone(await decryptText(r.phone_enc)) : '—',
      correct: Number(r.correct), answered: Number(r.answered), createdAt: r.created_at, disqualified: r.disqualify_reason,
    }))),
  }
})
