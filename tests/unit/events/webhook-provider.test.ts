import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseTemplates, providerFrom, webhookProvider, type OutgoingMessage } from '~~/server/notifications/providers'
import { portalConfig } from '~~/server/utils/config'
import { startSmsSink } from '~~/tests/support/sms-sink'

const message: OutgoingMessage = { id: '0194f1c2-7a10-7c3e-9d1b-5e2f4a6b8c9d', to: '13800000000', kind: 'reminder', params: { code: 'K7M2QX' }, text: '【示例】提醒', city: '天津市' }

describe('the SMS gateway webhook provider', () => {
  let slow = false
  let status = 200
  let sink: Awaited<ReturnType<typeof startSmsSink>>
  beforeAll(async () => {
    sink = await startSmsSink(() => ({ status, delayMs: slow ? 1000 : 0 }))
  })
  afterAll(() => sink?.close())

  it('posts the message with its template, idempotency key and signature', async () => {
    await webhookProvider({ url: sink.url, secret: 's3cret', templates: { reminder: 'SMS_5' } }).send(message)
    const d = sink.deliveries.at(-1)!
    expect(d.body).toEqual({ ...message, template: 'SMS_5' })
    expect(d.headers['idempotency-key']).toBe(message.id)
    expect(sink.signatureOk(d, 's3cret')).toBe(true)
    await webhookProvider({ url: sink.url, templates: {} }).send(message)
    expect(sink.deliveries.at(-1)!.body.template).toBeNull()
    expect(sink.deliveries.at(-1)!.headers['x-portal-signature']).toBeUndefined()
  })

  it('counts a refusal or no reply in time as a failed try, with the reason', async () => {
    status = 500
    await expect(webhookProvider({ url: sink.url, templates: {} }).send(message)).rejects.toThrow('the gateway answered 500')
    status = 200
    slow = true
    await expect(webhookProvider({ url: sink.url, templates: {}, timeoutMs: 200 }).send(message)).rejects.toThrow('no reply within 0.2 s')
    slow = false
    await expect(webhookProvider({ url: 'http://127.0.0.1:9/none', templates: {} }).send(message)).rejects.toThrow(/could not reach the gateway/)
  })

  it('refuses a configuration that cannot work, at start-up', () => {
    expect(() => parseTemplates('{"confirmed": "SMS_1", "birthday": "SMS_2"}')).toThrow(/PORTAL_NOTIFY_TEMPLATES/)
    expect(() => parseTemplates('not json')).toThrow(/not valid JSON/)
    expect(parseTemplates('{"verification": "SMS_6"}')).toEqual({ verification: 'SMS_6' })
    expect(() => providerFrom(portalConfig({ PORTAL_NOTIFY_PROVIDER: 'webhook' }))).toThrow(/PORTAL_NOTIFY_WEBHOOK_URL/)
    expect(() => providerFrom(portalConfig({ PORTAL_NOTIFY_PROVIDER: 'carrier-pigeon' }))).toThrow(/not one of: record, webhook/)
    expect(providerFrom(portalConfig({})).name).toBe('record')
  })
})
