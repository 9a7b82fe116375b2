import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'

export interface SinkDelivery {
  headers: IncomingMessage['headers']
  raw: string
  body: { id: string, to: string, kind: string, template: string | null, params: Record<string, string>, text: string, city: string }
}

/**
 * A local stand-in for a city's SMS gateway: records every POST. `answer`
 * decides the reply (status, or a delay past the portal's timeout).
 */
export async function startSmsSink(answer: (d: SinkDelivery, n: number) => { status?: number, delayMs?: number } = () => ({})) {
  const deliveries: SinkDelivery[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (raw += c))
    req.on('end', () => {
      const delivery = { headers: req.headers, raw, body: JSON.parse(raw) }
      deliveries.push(delivery)
      const { status = 200, delayMs = 0 } = answer(delivery, deliveries.length)
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}'), delayMs).unref()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/sms`,
    deliveries,
    /** The latest code sent to a number (as a gateway would deliver it). */
    codeFor(phone: string) {
      const last = deliveries.filter(d => d.body.kind === 'verification' && d.body.to === phone).at(-1)
      return last?.body.params.code
    },
    signatureOk: (d: SinkDelivery, secret: string) => d.headers['x-portal-signature'] === `sha256=${createHmac('sha256', secret).update(d.raw).digest('hex')}`,
    async waitFor(check: () => boolean, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`the SMS sink did not see what was expected in ${timeoutMs} ms (${deliveries.length} deliveries)`)
        await new Promise(r => setTimeout(r, 50))
      }
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
