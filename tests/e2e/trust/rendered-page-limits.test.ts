import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '~~/tests/support/server'
import { ApiClient } from '~~/tests/support/session'

/**
 * A page rendered on the server calls its API in-process. Those calls must count
 * the visitor who asked for the page, not the server: 31 loads of the resume page
 * from one address (without a proxy) once made it say "cannot connect" to everyone (30 look-ups per
 * address in 10 minutes).
 */
const FOUND = 'id="resume-found"'
const LIMITED = '现在连不上'
/** The page as shown: the payload carries every text of the page's dictionaries, so scripts are left out. */
const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '')

/** GET from a chosen loopback source address (the socket's address, as without a proxy). */
function getFrom(url: string, localAddress: string, headers: Record<string, string> = {}): Promise<{ status: number, body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body: shown(body) }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function resumeCode(server: RunningServer, headers: Record<string, string> = {}) {
  const made = await new ApiClient(server.url).request('POST', '/api/progress', { course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 2 }, headers)
  expect(made.status).toBe(201)
  return made.json.resumeCode as string
}

describe('limits on a server-rendered page count the visitor', () => {
  let proxied: RunningServer
  let direct: RunningServer
  beforeAll(async () => {
    [proxied, direct] = await Promise.all([startServer({ PORTAL_TRUST_PROXY: '1' }), startServer()])
  })
  afterAll(async () => {
    await Promise.all([proxied?.stop(), direct?.stop()])
  })

  it('behind a proxy: 31 loads from one address limit that address only', async () => {
    const code = await resumeCode(proxied, { 'x-forwarded-for': '10.9.0.1' })
    const page = `${proxied.url}/courses/resume?code=${code}`
    const from = (address: string) => fetch(page, { headers: { 'x-forwarded-for': address } }).then(async r => shown(await r.text()))
    const loads: string[] = []
    for (let i = 0; i < 31; i++) loads.push(await from('10.9.0.2'))
    expect(loads.slice(0, 30).every(html => html.includes(FOUND))).toBe(true)
    // The control: the 31st load from the same address is limited, so the count is real.
    expect(loads[30]).toContain(LIMITED)
    const other = await from('10.9.0.3')
    expect(other).toContain(FOUND)
    expect(other).not.toContain(LIMITED)
  })

  it('without a proxy: the socket\'s address counts, and a forwarded header cannot pose as another visitor', async () => {
    const code = await resumeCode(direct)
    const page = `${direct.url}/courses/resume?code=${code}`
    for (let i = 0; i < 30; i++) expect((await getFrom(page, '127.0.0.2')).body).toContain(FOUND)
    // X-Forwarded-For is not believed without PORTAL_TRUST_PROXY: the same socket stays limited.
    expect((await getFrom(page, '127.0.0.2', { 'x-forwarded-for': '10.9.9.9' })).body).toContain(LIMITED)
    const other = await getFrom(page, '127.0.0.3')
    expect(other.status).toBe(200)
    expect(other.body).toContain(FOUND)
  })
})
