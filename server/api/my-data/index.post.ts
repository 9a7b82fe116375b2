import type { MyDataExport } from '#shared/privacy/schemas'
import { registrationLookupBody } from '#shared/events/requests'
import { exportPersonalData } from '../../privacy/retention'
import { personalDataSources } from '../../privacy/purgers'
import { findRegistration, residentLookup } from '../../events/registrations'

/**
 * What the portal holds about a resident, for download. Proof of the number:
 * the code of any one of their bookings together with the number.
 */
export default defineEventHandler(async (event): Promise<MyDataExport> => {
  const body = await validBody(event, registrationLookupBody)
  await residentLookup(event)
  const { phoneHash } = await findRegistration(body.code, body.phone)
  setResponseHeaders(event, { 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="my-data.json"' })
  return { exportedAt: nowIso(), data: await exportPersonalData(await useDb(), phoneHash, personalDataSources) }
})
