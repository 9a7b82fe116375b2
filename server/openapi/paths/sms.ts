import { inboundSmsBody } from '#shared/sms/schemas'
import { type Paths, error, ok, body } from '../components'

/** The sms routes (tag `sms`). */
export const smsPaths: Paths = {
  '/api/sms/inbound': {
    post: {
      summary: 'A resident\'s text message from the SMS gateway (server to server): `0`/取消/QX/N cancels the booking the reminder was about, `1`/确认/Y confirms it, `0 2` picks the second of several; anything else gets a help text. Signed with `X-Portal-Signature: sha256=<hex HMAC-SHA-256 of the raw body>` (PORTAL_NOTIFY_WEBHOOK_SECRET); the same `id` twice is handled once',
      parameters: [
        { name: 'x-portal-signature', in: 'header', required: true, schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' } },
      ],
      requestBody: body(inboundSmsBody),
      responses: { 200: ok('InboundSmsResult'), 400: error, 401: error, 422: error },
    },
  },
}
