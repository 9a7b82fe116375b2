import type { MyDataErased } from '#shared/privacy/schemas'
import { registrationLookupBody } from '#shared/events/requests'
import { erasePersonalData } from '../../privacy/retention'
import { personalDataSources } from '../../privacy/purgers'
import { findRegistration, residentLookup } from '../../events/registrations'

/** Deletes a resident's name and number everywhere (active bookings are cancelled first). */
export default defineEventHandler(async (event): Promise<MyDataErased> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  const { phoneHash } = await findRegistration(body.code, body.phone)
  const erased = await erasePersonalData(await useDb(), phoneHash, personalDataSources)
  await recordAudit(event, null, { action: 'pii.erase-by-resident', targetType: 'resident', details: { records: erased } })
  return { erased }
})
