import { createHmac } from 'node:crypto'
import { z } from 'zod'
import { portalConfig, type PortalConfig } from '~~/server/utils/config'

export const messageKinds = [
  'confirmed', 'waitlisted', 'promoted', 'event-cancelled', 'reminder', 'verification',
  // A move of the event's time or place; an organiser's short message (one free parameter).
  'event-changed', 'event-message',
  // After check-in: the link to the feedback page.
  'feedback',
  // A booking a helper (协助人员) made for the resident: says so, and how to cancel.
  'assisted-confirmed', 'assisted-waitlisted',
  // Answers to a resident's text message (POST /api/sms/inbound).
  'reply-cancelled', 'reply-confirmed', 'reply-help', 'reply-choice-1', 'reply-choice-2', 'reply-choice-3', 'reply-choice-4', 'reply-choice-5',
] as const
export type MessageKind = typeof messageKinds[number]

/** One text message as a provider receives it. `id` is stable across retries, so a gateway can drop a repeat. */
export interface OutgoingMessage {
  id: string
  to: string
  kind: MessageKind
  /** The named values of the approved template for this kind. */
  params: Record<string, string>
  /** The whole message in Chinese, for gateways that take free text. */
  text: string
  city: string
}

export interface NotificationProvider {
  name: string
  send: (message: OutgoingMessage) => Promise<void>
}

/** Keeps nothing and sends nothing: the outbox row is the record (the demo and tests). */
export const recordingProvider: NotificationProvider = {
  name: 'record',
  send: async () => {},
}

export const WEBHOOK_TIMEOUT_MS = 10_000

/** PORTAL_NOTIFY_TEMPLATES: `{ "confirmed": "SMS_123", … }`, only the kinds above. */
export const templatesSchema = z.partialRecord(z.enum(messageKinds), z.string().trim().min(1).max(100))

export function parseTemplates(raw: string | undefined): Partial<Record<MessageKind, string>> {
  if (!raw?.trim()) return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  }
  catch {
    throw new Error('PORTAL_NOTIFY_TEMPLATES is not valid JSON: expected {"confirmed": "template code", …}')
  }
  const parsed = templatesSchema.safeParse(json)
  if (!parsed.success) throw new Error(`PORTAL_NOTIFY_TEMPLATES: ${parsed.error.issues.map(i => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`)
  return parsed.data
}

/**
 * The city's SMS gateway, or an adapter in front of it: one JSON POST per
 * message. A 2xx reply means sent; anything else, or no reply in 10 s
 * (PORTAL_NOTIFY_TIMEOUT_SECONDS), is a
 * failed try that the sender retries with the same id.
 */
export function webhookProvider(options: { url: string, secret?: string, templates: Partial<Record<MessageKind, string>>, timeoutMs?: number }): NotificationProvider {
  return {
    name: 'webhook',
    async send(message) {
      const body = JSON.stringify({ id: message.id, to: message.to, kind: message.kind, template: options.templates[message.kind] ?? null, params: message.params, text: message.text, city: message.city })
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.id }
      if (options.secret) headers['x-portal-signature'] = `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`
      let res: Response
      try {
        res = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS), redirect: 'error' })
      }
      catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? `no reply within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s` : `could not reach the gateway (${(error as Error).message})`
        throw new Error(reason, { cause: error })
      }
      await res.body?.cancel().catch(() => {})
      if (!res.ok) throw new Error(`the gateway answered ${res.status}`)
    },
  }
}

/** The provider PORTAL_NOTIFY_PROVIDER names; an unknown name or a webhook without its URL stops the server at start-up. */
export function providerFrom(config: PortalConfig): NotificationProvider {
  switch (config.notifyProvider) {
    case 'record':
      return recordingProvider
    case 'webhook': {
      const url = config.notifyWebhookUrl
      if (!url || !/^https?:\/\//.test(url)) throw new Error('PORTAL_NOTIFY_PROVIDER=webhook needs PORTAL_NOTIFY_WEBHOOK_URL (http:// or https://)')
      return webhookProvider({ url, secret: config.notifyWebhookSecret, templates: parseTemplates(config.notifyTemplates), timeoutMs: config.notifyTimeoutSeconds * 1000 })
    }
    default:
      throw new Error(`PORTAL_NOTIFY_PROVIDER "${config.notifyProvider}" is not one of: record, webhook`)
  }
}

let current: NotificationProvider | undefined
export function currentProvider(): NotificationProvider {
  return current ??= providerFrom(portalConfig())
}
