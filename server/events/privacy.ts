import { definePersonalDataSource, definePurger } from '~~/server/privacy/retention'
import { decryptText } from '~~/server/privacy/crypto'
import { nowIso } from '~~/server/database/ids'
import { cancelBooking } from './booking'

/**
 * Bookings past their purge date lose the name and number; status, party
 * size, age group and district stay, so participation statistics still add up.
 */
export const registrationsPurger = definePurger({
  name: 'registrations',
  async purge(db, now) {
    const result = await db.updateTable('registrations')
      .set({ name_enc: null, phone_enc: null, phone_hash: null, anonymised_at: now, updated_at: now })
      .where('purge_after', '<=', now).where('anonymised_at', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})

export const registrationsDataSource = definePersonalDataSource({
  name: 'registrations',
  async find(db, phoneHash) {
    const rows = await db.selectFrom('registrations as r').innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['r.code', 'r.status', 'r.party_size', 'r.name_enc', 'r.phone_enc', 'r.age_group', 'r.district_code', 'r.created_at', 'r.checked_in_at', 'r.purge_after', 'e.title_zh', 'e.title_en', 'e.starts_at'])
      .where('r.phone_hash', '=', phoneHash).orderBy('r.created_at').execute()
    return Promise.all(rows.map(async r => ({
      event: { zh: r.title_zh, en: r.title_en }, eventStartsAt: r.starts_at, code: r.code, status: r.status, partySize: r.party_size,
      name: r.name_enc ? await decryptText(r.name_enc) : null, phone: r.phone_enc ? await decryptText(r.phone_enc) : null,
      ageGroup: r.age_group, district: r.district_code, bookedAt: r.created_at, checkedInAt: r.checked_in_at, deleteAfter: r.purge_after,
    })))
  },
  async erase(db, phoneHash) {
    // Active bookings are cancelled first, so their places go to the waiting list.
    const active = await db.selectFrom('registrations').select('code').where('phone_hash', '=', phoneHash).where('status', 'in', ['confirmed', 'waitlisted']).execute()
    for (const { code } of active) await cancelBooking(db, code, phoneHash)
    const now = nowIso()
    const result = await db.updateTable('registrations')
      .set({ name_enc: null, phone_enc: null, phone_hash: null, anonymised_at: now, updated_at: now })
      .where('phone_hash', '=', phoneHash).executeTakeFirst()
    return Number(result.numUpdatedRows)
  },
})
