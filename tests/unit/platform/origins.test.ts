import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { createEvent } from 'h3'
import { describe, expect, it } from 'vitest'
import { allowedHosts, isAllowedHost, portalConfig, sendsHsts } from '~~/server/utils/config'
import { portalOrigin, requestOrigin } from '~~/server/utils/origin'

function request(headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket())
  req.headers = headers
  return createEvent(req, new ServerResponse(req))
}

describe('absolute URLs', () => {
  it('allow loopback names and the listening address by default, or exactly the configured hosts', () => {
    expect(allowedHosts(undefined, undefined)).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(allowedHosts('', '10.1.2.3')).toEqual(['localhost', '127.0.0.1', '[::1]', '10.1.2.3'])
    expect(allowedHosts(undefined, '0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(allowedHosts(' Portal.Example.gov.cn , intranet:8080', '127.0.0.1')).toEqual(['portal.example.gov.cn', 'intranet:8080'])
    const config = portalConfig({ PORTAL_ALLOWED_HOSTS: 'portal.example.gov.cn,intranet:8080' })
    expect(isAllowedHost('PORTAL.example.gov.cn:443', config)).toBe(true)
    expect(isAllowedHost('intranet:8080', config)).toBe(true)
    expect(isAllowedHost('intranet:9090', config)).toBe(false)
    expect(isAllowedHost('evil.test', config)).toBe(false)
    expect(isAllowedHost('portal.example.gov.cn.evil.test', config)).toBe(false)
  })

  it('come from PORTAL_PUBLIC_ORIGIN whatever the Host says', () => {
    const config = portalConfig({ PORTAL_PUBLIC_ORIGIN: 'https://portal.example.gov.cn/' })
    expect(portalOrigin(request({ host: 'evil.test' }), config)).toEqual({ origin: 'https://portal.example.gov.cn', trusted: true })
  })

  it('come from an allowed Host, and never from a foreign one', () => {
    const config = portalConfig({ PORT: '3000' })
    expect(portalOrigin(request({ host: '127.0.0.1:3000' }), config)).toEqual({ origin: 'http://127.0.0.1:3000', trusted: true })
    expect(portalOrigin(request({ host: 'evil.test' }), config)).toEqual({ origin: 'http://localhost:3000', trusted: false })
    // X-Forwarded-Host is believed only behind a trusted proxy, and is checked like Host.
    expect(portalOrigin(request({ 'host': 'localhost', 'x-forwarded-host': 'evil.test' }), config).origin).toBe('http://localhost')
    expect(portalOrigin(request({ 'host': 'localhost', 'x-forwarded-host': 'evil.test' }), portalConfig({ PORTAL_TRUST_PROXY: '1' })).trusted).toBe(false)
  })

  it('know the request\'s scheme from X-Forwarded-Proto only behind a trusted proxy', () => {
    const headers = { 'host': 'localhost:3000', 'x-forwarded-proto': 'https' }
    expect(requestOrigin(request(headers), portalConfig({}))).toBe('http://localhost:3000')
    expect(requestOrigin(request(headers), portalConfig({ PORTAL_TRUST_PROXY: '1' }))).toBe('https://localhost:3000')
  })

  it('send HSTS only when the public origin is https', () => {
    expect(sendsHsts(portalConfig({ PORTAL_PUBLIC_ORIGIN: 'https://portal.example.gov.cn' }))).toBe(true)
    expect(sendsHsts(portalConfig({ PORTAL_PUBLIC_ORIGIN: 'http://portal.example.gov.cn' }))).toBe(false)
    expect(sendsHsts(portalConfig({}))).toBe(false)
  })
})
