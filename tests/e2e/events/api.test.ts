import { describe, expect, inject, it } from 'vitest'
import { latestMigration } from '~~/tests/support/migrations'

const baseURL = inject('baseURL')
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseURL}${path}`, { headers })

describe('public API', () => {
  it('reports health with the dialect and the latest migration', async () => {
    const res = await get('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, db: 'sqlite', migration: latestMigration, checks: { database: 'ready', redis: 'not-used' } })
  })

  it('serves the city profile with districts and organisers from the database', async () => {
    const res = await get('/api/city')
    expect(res.headers.get('cache-control')).toMatch(/public/)
    const city = await res.json()
    expect(city.slug).toBe('tianjin')
    expect(city.name.zh).toBe('天津市')
    expect(city.districts).toHaveLength(16)
    expect(city.organisers.length).toBeGreaterThan(3)
    expect(city.week.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('filters and pages venues', async () => {
    const all = await (await get('/api/venues?pageSize=50')).json()
    expect(all.total).toBe(all.items.length)
    const libraries = await (await get('/api/venues?kind=library')).json()
    expect(libraries.total).toBeGreaterThan(0)
    expect(libraries.items.every((v: { kind: string }) => v.kind === 'library')).toBe(true)
    const district = all.items[0].district
    const inDistrict = await (await get(`/api/venues?district=${district}`)).json()
    expect(inDistrict.items.every((v: { district: string }) => v.district === district)).toBe(true)
    const page2 = await (await get('/api/venues?pageSize=5&page=2')).json()
    expect(page2.items.map((v: { code: string }) => v.code)).toEqual(all.items.slice(5, 10).map((v: { code: string }) => v.code))
  })

  it.each([
    ['/api/venues?kind=castle', 'kind'],
    ['/api/venues?page=0', 'page'],
    ['/api/venues?pageSize=5000', 'pageSize'],
    ['/api/venues?district=%3Cscript%3E', 'district'],
    [`/api/venues?district=${'x'.repeat(5000)}`, 'district'],
    ['/api/venues?page=abc', 'page'],
  ])('answers bad input %s with 400 and field errors', async (path, field) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/json/)
    const body = await res.json()
    expect(body).toMatchObject({ statusCode: 400, message: expect.any(String) })
    expect(Object.keys(body.data.fieldErrors)).toEqual([field])
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(m?js|ts):\d+/)
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await get('/api/nothing-here', { accept: 'application/json' })
    expect(res.status).toBe(404)
  })
})

describe('server rendering', () => {
  const htmlOf = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers)
    return { status: res.status, html: await res.text() }
  }

  it('renders Chinese by default, with the city and the week', async () => {
    const { html } = await htmlOf('/')
    expect(html).toMatch(/<html[^>]*lang="zh-CN"/)
    expect(html).toContain('天津市')
    expect(html).toContain('跳到主要内容')
  })

  it('follows Accept-Language, and the cookie over it', async () => {
    expect((await htmlOf('/', { 'accept-language': 'en-GB,en;q=0.9' })).html).toMatch(/<html[^>]*lang="en"[\s\S]*Skip to main content/)
    expect((await htmlOf('/', { 'accept-language': 'en-GB', 'cookie': 'lang=zh-CN' })).html).toMatch(/<html[^>]*lang="zh-CN"/)
  })

  it('renders elder mode on the server from the cookie', async () => {
    expect((await htmlOf('/', { cookie: 'elder=1' })).html).toMatch(/<html[^>]*class="elder"/)
    expect((await htmlOf('/', { cookie: 'elder=0' })).html).not.toMatch(/<html[^>]*class="elder"/)
  })

  it('renders the venue filter from the URL without JavaScript', async () => {
    const { html } = await htmlOf('/venues?kind=library')
    expect(html).toMatch(/<option value="library" selected/)
    expect(html).not.toContain('venueKinds.')
  })

  it('answers an unknown page with a 404 page in the right language', async () => {
    const res = await htmlOf('/no-such-page', { cookie: 'lang=en' })
    expect(res.status).toBe(404)
    expect(res.html).toContain('Page not found')
  })

  it('never lets the language of one request leak into another', async () => {
    const requests = Array.from({ length: 200 }, (_, i) => (i % 2 ? 'en' : 'zh-CN') as 'en' | 'zh-CN')
    const pages = ['/', '/venues', '/about']
    const results = await Promise.all(requests.map(async (lang, i) => {
      const { html } = await htmlOf(pages[i % pages.length]!, { cookie: `lang=${lang}` })
      const htmlLang = /<html[^>]*lang="([^"]+)"/.exec(html)?.[1]
      const skip = html.includes(lang === 'en' ? 'Skip to main content' : '跳到主要内容')
      const other = html.includes(lang === 'en' ? '跳到主要内容' : 'Skip to main content')
      return { lang, htmlLang, skip, other }
    }))
    const wrong = results.filter(r => r.htmlLang !== r.lang || !r.skip || r.other)
    expect(wrong).toEqual([])
  })
})
