export const DEMO_PASSWORD = 'demo-password-2026'

/** A tiny cookie-keeping client for API tests, as a browser on the portal's own pages would send. */
export class ApiClient {
  cookie = ''
  constructor(public baseURL: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.baseURL}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    })
    const setCookie = res.headers.getSetCookie().map(c => c.split(';')[0]!).find(c => c.startsWith('nuxt-session='))
    if (setCookie) this.cookie = setCookie.endsWith('=') ? '' : setCookie
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    }
    catch {
      json = undefined
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect response bodies freely
    return { status: res.status, headers: res.headers, json: json as Record<string, any>, text }
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body: unknown = {}) => this.request('POST', path, body)

  async login(email: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/auth/login', { email, password })
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`)
    return res.json.user
  }
}
