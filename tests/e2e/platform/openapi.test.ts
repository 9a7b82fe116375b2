import { describe, expect, inject, it } from 'vitest'
import { eventSchema } from '../../../server/openapi/document'
import { apiRoutes } from '../../support/routes'
import { ApiClient } from '../../support/session'

const baseURL = inject('baseURL')
const documented = (path: string) => path.replace(/\{(\w+)\}/g, (_, p: string) => `[${p}]`)

describe('the OpenAPI document', () => {
  it('describes exactly the public events, registrations, tickets, my-data and organizer event routes', async () => {
    const doc = await (await fetch(`${baseURL}/api/openapi.json`)).json()
    expect(doc.openapi).toBe('3.1.0')
    const inDoc = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map(m => `${m.toUpperCase()} ${documented(path)}`)).sort()
    const contract = /^(events|registrations|tickets|my-data|organizer\/events|organizer\/venues)\b/
    const inCode = apiRoutes().filter(r => contract.test(r.file)).map((r) => {
      const path = `/api/${r.file.replace(/(\.(get|post|put|patch|delete))?\.ts$/, '').replace(/\/index$/, '').replace(/^index$/, '')}`
      return `${r.method} ${path}`
    }).sort()
    expect(inDoc).toEqual(inCode)
  })

  it('promises only fields the API really returns', async () => {
    const organizer = new ApiClient(baseURL)
    await organizer.login('organizer@demo.local')
    const list = (await organizer.get('/api/events?pageSize=5')).json
    expect(list.items.length).toBeGreaterThan(0)
    for (const item of list.items) {
      for (const field of eventSchema.required) expect(item, field).toHaveProperty(field)
      expect(eventSchema.properties.category.enum).toContain(item.category)
      expect(eventSchema.properties.availability.enum).toContain(item.availability)
    }
  })
})
