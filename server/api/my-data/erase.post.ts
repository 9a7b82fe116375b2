import { myDataBody, type MyDataErased } from '#shared/privacy/schemas'
import { erasePersonalData } from '~~/server/privacy/retention'
import { personalDataSources } from '~~/server/privacy/purgers'
import { requireVerifiedPhone } from '~~/server/verification/service'

/** Deletes a resident's name and number everywhere (active bookings are cancelled first), after the number was verified by SMS. */
export default defineEventHandler(async (event): Promise<MyDataErased> => {
  const body = await validBody(event, myDataBody)
  await enforceRateLimit(event, residentLimit('my-data', 30))
  const phoneHash = await requireVerifiedPhone(event, body.verificationToken, 'my-data')
  const erased = await erasePersonalData(await useDb(), phoneHash, personalDataSources)
  await recordAudit(event, null, { action: 'pii.erase-by-resident', targetType: 'resident', details: { records: erased } })
  return { erased }
})
