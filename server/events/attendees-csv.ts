import type { H3Event } from 'h3'
import type { Kysely } from 'kysely'
import type { Database, EventRow } from '../database/schema'
import { decryptText } from '../privacy/crypto'

/** The attendee list as CSV (toCsv: a BOM for Excel, no cell that runs as a formula), masked unless `reveal`. */
export async function sendAttendeesCsv(event: H3Event, db: Kysely<Database>, row: EventRow, reveal: boolean): Promise<string> {
  const regs = await db.selectFrom('registrations').selectAll().where('event_id', '=', row.id).orderBy('seq').execute()
  const person = async (r: typeof regs[number]) => {
    if (!r.name_enc || !r.phone_enc) return ['', '']
    if (!reveal) {
      const masked = await maskedResident({ name_enc: r.name_enc, phone_enc: r.phone_enc })
      return [masked.name, masked.phone]
    }
    return Promise.all([decryptText(r.name_enc), decryptText(r.phone_enc)])
  }
  const lines = await Promise.all(regs.map(async r => [r.code, r.status, r.party_size, ...await person(r), r.age_group ?? '', r.district_code ?? '', r.source, r.checked_in_at ?? '', r.created_at]))
  const csv = toCsv(['确认码 code', '状态 status', '人数 party', '姓名 name', '手机 mobile', '年龄段 age', '区县 district', '来源 source', '签到 checked in', '报名时间 booked at'], lines)
  setResponseHeaders(event, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${row.slug}-attendees${reveal ? '-full' : ''}.csv"`,
    'cache-control': 'no-store',
  })
  return csv
}

export const attendeeCount = (db: Kysely<Database>, eventId: string) =>
  db.selectFrom('registrations').select(eb => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow().then(r => Number(r.n))
