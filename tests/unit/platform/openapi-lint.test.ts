import { createConfig, lintFromString } from '@redocly/openapi-core'
import { Document, Spectral } from '@stoplight/spectral-core'
import { Json } from '@stoplight/spectral-parsers'
import { oas } from '@stoplight/spectral-rulesets'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '~~/server/openapi/document'

/**
 * The OpenAPI document (/api/openapi.json) passes the two linters integrators run on it, with the rules
 * as shipped (Spectral's `spectral:oas`, Redocly's `recommended`), and a plain Ajv 2020 compiles every
 * schema in it. Everything runs offline: the document refers only to itself.
 */
const doc = openApiDocument()
const text = JSON.stringify(doc)
type Operation = { operationId?: string, tags?: string[], security?: object[], responses: Record<string, { $ref?: string, content?: Record<string, { schema?: object }> }> }
const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))

describe('the OpenAPI document', () => {
  let spectral: Awaited<ReturnType<Spectral['run']>>
  let redocly: Awaited<ReturnType<typeof lintFromString>>
  beforeAll(async () => {
    const linter = new Spectral()
    linter.setRuleset({ extends: [[oas as never, 'recommended']] })
    spectral = await linter.run(new Document(text, Json, '/openapi.json'))
    redocly = await lintFromString({ source: text, absoluteRef: '/openapi.json', config: await createConfig({ extends: ['recommended'] }) })
  }, 60_000)

  it('passes Spectral\'s spectral:oas ruleset with no error', () => {
    const errors = spectral.filter(r => r.severity === 0).map(r => `${r.code} ${r.path.join('.')}: ${r.message}`)
    expect(errors).toEqual([])
    // The ruleset ran: a warning-free document is not one nobody looked at.
    expect(spectral.every(r => typeof r.code === 'string')).toBe(true)
  })

  it('passes Redocly\'s recommended rules with no error', () => {
    const errors = redocly.filter(p => p.severity === 'error').map(p => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)
    expect(errors).toEqual([])
  })

  it('finds an error where there is one (the linters are not idle)', async () => {
    // Two operations with one operationId: an error for both linters.
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { operationId: string }>> }
    broken.paths['/api/venues']!.get!.operationId = broken.paths['/api/events']!.get!.operationId
    const linter = new Spectral()
    linter.setRuleset({ extends: [[oas as never, 'recommended']] })
    const results = await linter.run(new Document(JSON.stringify(broken), Json, '/openapi.json'))
    expect(results.filter(r => r.severity === 0).map(r => r.code)).toContain('operation-operationId-unique')
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: '/openapi.json', config: await createConfig({ extends: ['recommended'] }) })
    expect(problems.filter(p => p.severity === 'error').map(p => p.ruleId)).toContain('operation-operationId-unique')
  }, 30_000)

  it('has schemas a default Ajv 2020 compiles, without $id', () => {
    const schemas = doc.components.schemas as Record<string, object>
    expect(Object.keys(schemas).length).toBeGreaterThan(60)
    for (const [name, schema] of Object.entries(schemas)) expect(schema, name).not.toHaveProperty('$id')
    // Components refer to each other as #/components/schemas/<Name>; standing alone, each carries the others as
    // $defs and refers to them there. Ajv's default options (strict mode) with the standard formats (ajv-formats).
    const $defs = JSON.parse(JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/'))
    const ajv = new Ajv2020()
    addFormats(ajv)
    const compiled = Object.keys(schemas).map(name => ajv.compile({ ...$defs[name], $defs }))
    expect(compiled).toHaveLength(Object.keys(schemas).length)
    // The request parts (parameters and bodies) are inline schemas: each compiles on its own.
    const inline: object[] = []
    for (const { op } of operations) {
      const { parameters = [], requestBody } = op as { parameters?: { schema: object }[], requestBody?: { content: Record<string, { schema: object }> } }
      inline.push(...parameters.map(p => p.schema), ...Object.values(requestBody?.content ?? {}).map(c => c.schema))
    }
    expect(inline.length).toBeGreaterThan(100)
    for (const schema of inline) expect(() => ajv.compile(schema), JSON.stringify(schema).slice(0, 200)).not.toThrow()
  })

  it('names, tags and secures every operation, and every success has a schema', () => {
    const ids = operations.map(o => o.op.operationId)
    expect(new Set(ids).size).toBe(operations.length)
    const tagNames = (doc.tags as { name: string }[]).map(t => t.name)
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`
      expect(op.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]+$/)
      expect(op.tags, where).toHaveLength(1)
      expect(tagNames, where).toContain(op.tags![0])
      expect(Array.isArray(op.security), where).toBe(true)
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2/.test(status) || status === '204') continue
        expect(Object.values(response.content ?? {}).every(c => c.schema), `${where} ${status}`).toBe(true)
        expect(Object.keys(response.content ?? {}).length, `${where} ${status}`).toBeGreaterThan(0)
      }
    }
  })

  it('states the answers every route shares: 400/413/422 for bodies, 403 for a foreign origin, 401/403 for staff, 503', () => {
    const ref = (name: string) => ({ $ref: `#/components/responses/${name}` })
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`
      if (method !== 'get') expect(op.responses[413], where).toEqual(ref('PayloadTooLarge'))
      if (method !== 'get' && path !== '/api/sms/inbound') expect(op.responses[403], where).toEqual(ref('Forbidden'))
      if ((op as { requestBody?: unknown }).requestBody) {
        expect(op.responses[400], where).toEqual(ref('BadRequest'))
        expect(op.responses[422], where).toEqual(ref('UnprocessableContent'))
      }
      if (/^\/api\/(organizer|admin)\//.test(path)) {
        expect(op.security, where).toEqual([{ session: [] }])
        expect(op.responses[401], where).toEqual(ref('Unauthorized'))
      }
      if (path !== '/api/health/live' && path !== '/api/health') expect(op.responses[503], where).toEqual(ref('ServiceUnavailable'))
    }
    expect(doc.paths['/api/events']!.get!.security).toEqual([])
    expect(doc.paths['/api/events']!.get!.responses[304]).toEqual(ref('NotModified'))
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password']))
    const problem = (doc.components.responses as Record<string, { content?: Record<string, unknown> }>).UnprocessableContent!.content!
    expect(Object.keys(problem)).toEqual(['application/json', 'application/problem+json'])
  })
})
