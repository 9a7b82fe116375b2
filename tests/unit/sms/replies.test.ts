import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseReply } from '~~/server/sms/replies'
import { signatureValid } from '~~/server/sms/signature'

describe('reading a reply', () => {
  it.each([
    ['0', 'cancel', null], ['取消', 'cancel', null], ['qx', 'cancel', null], ['N', 'cancel', null], [' 0。', 'cancel', null],
    ['1', 'confirm', null], ['确认', 'confirm', null], ['y', 'confirm', null], ['Yes!', 'confirm', null],
    ['0 2', 'cancel', 2], ['0，2', 'cancel', 2], ['取消2', 'cancel', 2], ['1 3', 'confirm', 3],
    // Full-width digits, letters and spaces, as Chinese input methods type them.
    ['０', 'cancel', null], ['１', 'confirm', null], ['０　２', 'cancel', 2], ['ＱＸ', 'cancel', null], ['Ｙ', 'confirm', null],
  ] as const)('%j asks to %s (choice %j)', (text, action, choice) => {
    expect(parseReply(text)).toEqual({ action, choice })
  })

  it.each(['', '你好', '2', '我明天来', '0 2 3', 'OK', '00000'])('%j is something else (the help text)', (text) => {
    expect(parseReply(text)).toEqual({ action: 'other' })
  })
})

describe('the gateway\'s signature', () => {
  const secret = 'test-secret'
  const body = Buffer.from('{"id":"m1","from":"13700000000","text":"0","receivedAt":"2030-01-01T00:00:00Z"}')
  const sign = (b: Buffer, s = secret) => `sha256=${createHmac('sha256', s).update(b).digest('hex')}`

  it('accepts the HMAC-SHA-256 of the raw body with the shared secret', () => {
    expect(signatureValid(body, sign(body), secret)).toBe(true)
    expect(signatureValid(body, sign(body).toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true)
  })

  it('refuses no signature, another secret, a changed body, a malformed header, and everything when no secret is set', () => {
    expect(signatureValid(body, undefined, secret)).toBe(false)
    expect(signatureValid(body, sign(body, 'other'), secret)).toBe(false)
    expect(signatureValid(Buffer.from(body.toString().replace('"0"', '"1"')), sign(body), secret)).toBe(false)
    expect(signatureValid(body, sign(body).replace('sha256=', ''), secret)).toBe(false)
    expect(signatureValid(body, `${sign(body)}00`, secret)).toBe(false)
    expect(signatureValid(body, sign(body, ''), undefined)).toBe(false)
  })
})
