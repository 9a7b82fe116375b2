import QRCode from 'qrcode'
import { registrationForTicket } from '~~/server/events/ticket-route'

/** The check-in QR code: it encodes only the signed token. */
export default defineEventHandler(async (event): Promise<string> => {
  const { token } = await registrationForTicket(event)
  const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  setResponseHeaders(event, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=3600' })
  return svg
})
