import type { H3Event } from 'h3'
import type { AuthUser } from '#shared/accounts/schemas'
import { decryptText, encryptText, lookupHash } from '~~/server/privacy/crypto'

/** What a feature stores for a resident: both values encrypted, plus a keyed hash of the number for look-ups. */
export async function sealResident(name: string, mobile: string) {
  const [nameEnc, phoneEnc, phoneHash] = await Promise.all([encryptText(name), encryptText(mobile), lookupHash(mobile)])
  return { name_enc: nameEnc, phone_enc: phoneEnc, phone_hash: phoneHash }
}

export interface RevealRequest {
  targetType: string
  targetId: string
  /** Why the organizer needs the full value, e.g. "to call about the changed time". */
  reason: string
  values: { name_enc: string, phone_enc: string }
}

/**
 * The only way to show a full name and number: the reveal is written to the
 * audit log (who, when, which record, why) before the values are returned.
 */
export async function revealResident(event: H3Event, actor: AuthUser, request: RevealRequest) {
  const reason = request.reason.trim()
  if (reason.length < 2 || reason.length > 200) {
    throw invalidFields({ reason: ['Say why you need the full details (2–200 characters)'] })
  }
  await recordAudit(event, actor, { action: 'pii.reveal', targetType: request.targetType, targetId: request.targetId, reason })
  const [name, phone] = await Promise.all([decryptText(request.values.name_enc), decryptText(request.values.phone_enc)])
  return { name, phone }
}

/** Decrypts and masks for lists: the full values never leave the server. */
export async function maskedResident(values: { name_enc: string, phone_enc: string }) {
  const [name, phone] = await Promise.all([decryptText(values.name_enc), decryptText(values.phone_enc)])
  return { name: maskName(name), phone: maskPhone(phone) }
}
