import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { createEvent, getRequestHeaders } from 'h3'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTENT_PASS_HEADER, contentEvent, isContentPass } from '~~/server/utils/content'

const original = (globalThis as { $fetch?: unknown }).$fetch
afterEach(() => {
  (globalThis as { $fetch?: unknown }).$fetch = original
})

describe('the event @nuxt/content sees', () => {
  it('forwards the request without its body\'s headers, so a POST cannot make the dump\'s GET wait for a body', async () => {
    const req = new IncomingMessage(new Socket())
    req.method = 'POST'
    req.headers = { 'content-length': '2', 'content-type': 'application/json', 'cookie': 'lang=en', 'accept-language': 'en' }
    const event = createEvent(req, new ServerResponse(req))
    let sent: Record<string, string> = {}
    ;(globalThis as { $fetch?: unknown }).$fetch = async (_url: string, init: { headers: Record<string, string> }) => {
      sent = init.headers
      return 'dump'
    }
    const proxy = contentEvent(event) as typeof event & { $fetch: (url: string, init?: object) => Promise<string> }
    await expect(proxy.$fetch('/__nuxt_content/quizzes/sql_dump.txt', { headers: { 'content-type': 'text/plain' } })).resolves.toBe('dump')
    expect(sent['content-length']).toBeUndefined()
    expect(sent.cookie).toBe('lang=en')
    expect(getRequestHeaders(proxy)['content-length']).toBeUndefined()
    // The request itself keeps its headers: its body is read as before.
    expect(event.node.req.headers['content-length']).toBe('2')
    // Control: the event as it is would have sent the Content-Length on.
    expect(getRequestHeaders(event)['content-length']).toBe('2')
  })

  it('carries the process\'s pass, which nothing from outside can name, so the internal routes can answer only it', async () => {
    const req = new IncomingMessage(new Socket())
    req.method = 'GET'
    // A visitor's guess at the pass is not passed on.
    req.headers = { [CONTENT_PASS_HEADER]: 'guess' }
    const event = createEvent(req, new ServerResponse(req))
    let sent: Record<string, string> = {}
    ;(globalThis as { $fetch?: unknown }).$fetch = async (_url: string, init: { headers: Record<string, string> }) => {
      sent = init.headers
      return 'dump'
    }
    const proxy = contentEvent(event) as typeof event & { $fetch: (url: string, init?: object) => Promise<string> }
    await proxy.$fetch('/__nuxt_content/quizItems/sql_dump.txt', { headers: { 'content-type': 'text/plain' } })
    expect(isContentPass(sent[CONTENT_PASS_HEADER])).toBe(true)
    expect(sent[CONTENT_PASS_HEADER]).not.toBe('guess')
    // Control: the visitor's own header, an empty one or a near miss does not pass.
    expect(isContentPass('guess')).toBe(false)
    expect(isContentPass(undefined)).toBe(false)
    expect(isContentPass(`${sent[CONTENT_PASS_HEADER]!.slice(0, -1)}x`)).toBe(false)
  })
})
