import { organizerContestParams, resultsCsvBody } from '#shared/contests/requests'
import { maskPhone } from '#shared/utils/mask'
import { ownedContest } from '~~/server/contests/owned'
import { decryptText } from '~~/server/privacy/crypto'

/** Results for prizes: BOM, formula-safe; numbers masked unless revealed with a reason, which is audited first. */
export default defineEventHandler(async (event): Promise<string> => {
  await validParams(event, organizerContestParams)
  const body = await validBody(event, resultsCsvBody)
  const { row, user, db } = await ownedContest(event)
  const rows = await db.selectFrom('contest_entries').selectAll().where('contest_id', '=', row.id).where('disqualified_at', 'is', null).where('erased_at', 'is', null).orderBy('correct', 'desc').orderBy('created_at').execute()
  if (body.reveal) await recordAudit(event, user, { action: 'pii.reveal', targetType: 'contest-results', targetId: row.id, reason: body.reason, details: { rows: rows.length } })
  const lines = await Promise.all(rows.map(async (r, i) => {
    const phone = r.phone_enc ? await decryptText(r.phone_enc) : ''
    return [i + 1, r.nickname, r.team, r.correct, r.answered, phone ? (body.reveal ? phone : maskPhone(phone)) : '', r.created_at]
  }))
  setResponseHeaders(event, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${row.slug}-results.csv"`, 'cache-control': 'no-store' })
  return toCsv(['rank', 'nickname', 'team', 'correct', 'answered', 'mobile', 'entered_at'], lines)
})
