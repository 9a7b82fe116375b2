import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '~~/server/openapi/document'

/**
 * A client generated from the document with openapi-typescript, used through openapi-fetch, type-checks:
 * every JSON success answer has a type (not `never`), and typical calls read the fields an integrator reads.
 * The files go under node_modules/.cache so `openapi-fetch` resolves; nothing is fetched.
 */
const dir = join(import.meta.dirname, '../../../node_modules/.cache', `openapi-client-${process.pid}`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Operation = { responses: Record<string, { $ref?: string, content?: Record<string, unknown> }> }

function typeCheck(files: Record<string, string>) {
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const program = ts.createProgram(Object.keys(files).filter(f => f.endsWith('.ts')).map(f => join(dir, f)), {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  })
  return ts.getPreEmitDiagnostics(program).map(d => `${d.file?.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
}

describe('a client generated from the OpenAPI document', () => {
  it('type-checks, with a type for every JSON success answer', { timeout: 120_000 }, async () => {
    const doc = openApiDocument()
    const api = astToString(await openapiTS(JSON.parse(JSON.stringify(doc))))
    const checks: string[] = []
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (/^2/.test(status) && response.content?.['application/json']) {
            checks.push(`type _${checks.length} = NotNever<paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses'][${status}]['content']['application/json']>`)
          }
        }
      }
    }
    expect(checks.length).toBeGreaterThan(100)
    const client = `import createClient from 'openapi-fetch'
import type { paths } from './api'

type NotNever<T> = [T] extends [never] ? 'never' extends T ? never : { error: 'a JSON success answer typed never' } : true
type MustBeTrue<T extends true> = T
${checks.map(c => c.replace(/= NotNever<(.*)>$/, '= MustBeTrue<NotNever<$1>>')).join('\n')}

const client = createClient<paths, 'application/json'>({ baseUrl: 'http://localhost:3000' })
export async function integrator() {
  const events = await client.GET('/api/events', { params: { query: { pageSize: 5 } } })
  const slug: string | undefined = events.data?.items[0]?.slug
  const event = await client.GET('/api/events/{slug}', { params: { path: { slug: slug ?? 'x' } } })
  const left: number | null | undefined = event.data?.placesLeft
  const booked = await client.POST('/api/events/{slug}/registrations', { params: { path: { slug: 'x' } }, body: { name: '王秀英', phone: '13912345678', partySize: 2, consent: true } })
  const code: string | undefined = booked.data?.code
  const fields: Record<string, string[]> | undefined = booked.error?.data?.fieldErrors
  const entry = await client.POST('/api/contests/{slug}/entries', { params: { path: { slug: 'x' } }, body: { phone: '13912345678', verificationToken: 't', team: 'a', nickname: 'n' } })
  const secret: string | undefined = entry.data?.entrySecret
  const me = await client.GET('/api/auth/me')
  const email: string | undefined = me.data?.user.email
  const health = await client.GET('/api/health')
  return { left, code, fields, secret, email, ok: health.data?.ok }
}
`
    const errors = typeCheck({ 'api.d.ts': api, 'client.ts': client })
    expect(errors).toEqual([])
    // The check is not idle: a call the document does not allow is an error.
    expect(typeCheck({ 'api.d.ts': api, 'wrong.ts': `import createClient from 'openapi-fetch'\nimport type { paths } from './api'\nexport const w = createClient<paths>().GET('/api/events/{slug}', { params: { path: { id: 1 } } })\n` }).length).toBeGreaterThan(0)
  })
})
