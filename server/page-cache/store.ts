import { randomBytes } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { portalConfig } from '../utils/config'

export interface CachedPage {
  html: string
  headers: Record<string, string>
  /** The CSP nonce the page was rendered with; each reply gets a new one in its place. */
  nonce: string | undefined
}

// Up to 200 pages (about 10 MB); filters and search make many distinct URLs, the least used go first.
const pages = new LRUCache<string, CachedPage>({ max: 200, ttl: 1000, ttlAutopurge: false })

export function rememberPage(key: string, page: CachedPage) {
  const seconds = portalConfig().pageCacheSeconds
  if (seconds > 0) pages.set(key, page, { ttl: seconds * 1000 })
}

/** A cached page with a fresh nonce in its HTML and its Content-Security-Policy, or undefined. */
export function recallPage(key: string): CachedPage | undefined {
  const page = pages.get(key)
  if (!page?.nonce) return page
  const nonce = randomBytes(18).toString('base64')
  const swap = (text: string) => text.replaceAll(page.nonce!, nonce)
  return {
    html: swap(page.html),
    headers: Object.fromEntries(Object.entries(page.headers).map(([name, value]) => [name, swap(value)])),
    nonce,
  }
}
