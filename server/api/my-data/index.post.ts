import { myDataBody, type MyDataExport } from '#shared/privacy/schemas'
import { exportPersonalData } from '~~/server/privacy/retention'
import { personalDataSources } from '~~/server/privacy/purgers'
import { requireVerifiedPhone } from '~~/server/verification/service'

/**
 * What the portal holds about a resident, for download. Proof of the number
 * is a verification token (a code sent to it by SMS), spent by this request;
 * a booking code is not enough, since staff see codes.
 */
export default defineEventHandler(async (event): Promise<MyDataExport> => {
  const body = await validBody(event, myDataBody)
  await enforceRateLimit(event, residentLimit('my-data', 30))
  const phoneHash = await requireVerifiedPhone(event, body.verificationToken, 'my-data')
  const data = await exportPersonalData(await useDb(), phoneHash, personalDataSources)
  await recordAudit(event, null, { action: 'pii.export-by-resident', targetType: 'resident', details: { records: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length])) } })
  setResponseHeaders(event, { 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="my-data.json"' })
  return { exportedAt: nowIso(), data }
})
