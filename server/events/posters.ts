import type { H3Event } from 'h3'
import QRCode from 'qrcode'
import type { PosterLink } from '#shared/events/views'
import { portalOrigin } from '~~/server/utils/origin'

/** The QR code as SVG: black modules on white with a quiet zone of four, so a phone reads it from paper. */
export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })

/**
 * Where a poster leads: the page's absolute URL (PORTAL_PUBLIC_ORIGIN, or an allowed host),
 * the same without the scheme for typing in, and its QR code.
 */
export async function posterLink(event: H3Event, path: string): Promise<PosterLink> {
  const url = `${portalOrigin(event).origin}${path}`
  return { url, address: url.replace(/^https?:\/\//, ''), qrSvg: await qrSvg(url) }
}
