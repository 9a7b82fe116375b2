import { randomBytes } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import { SplicedText } from '~~/server/compression/gzip-splice'
import { etagOf } from '~~/server/http/validators'
import { portalConfig } from '~~/server/utils/config'

export interface CachedPage {
  html: string
  headers: Record<string, string>
  /** The CSP nonce the page was rendered with; each reply gets a new one in its place. */
  nonce: string | undefined
}

/** A reply from the cache: the page with a fresh nonce, as bytes and (compressed once, spliced per reply) as gzip. */
export interface PageReply {
  body: Buffer
  /** The page's ETag, taken once when it was kept, without its nonce (server/http/validators.ts). */
  etag: string
  headers: Record<string, string>
  nonce: string | undefined
  gzip: () => Buffer
}

interface StoredPage {
  text: SplicedText
  etag: string
  headers: Record<string, string>
  nonce: string | undefined
}

// Up to 200 pages and 12 MB (each its UTF-8 text, 20–95 KB, and once a gzip client has had it, its compressed
// pieces, a third of that, counted as if there from the start); filters and search make many distinct URLs, the
// least used go first. Expired pages are dropped every half minute rather than kept until pushed out: under a
// stream of distinct URLs they would otherwise hold their full 12 MB for nothing.
const pages = new LRUCache<string, StoredPage>({
  max: 200, maxSize: 12 * 1024 * 1024, sizeCalculation: page => Math.ceil(page.text.keptBytes * 1.4), ttl: 1000, ttlAutopurge: false,
})
setInterval(() => pages.purgeStale(), 30_000).unref()

export function rememberPage(key: string, page: CachedPage) {
  const seconds = portalConfig().pageCacheSeconds
  if (seconds > 0) pages.set(key, { text: new SplicedText(page.html, page.nonce), etag: etagOf(page.html, page.nonce), headers: page.headers, nonce: page.nonce }, { ttl: seconds * 1000 })
}

// The pages being rendered now, by key: when a page expires under load, the first request to miss renders it
// and the others wait for that render instead of each rendering the same page at once.
const rendering = new Map<string, { done: Promise<void>, finish: () => void }>()

/** Undefined when the caller is now the one rendering `key`; else the render to wait for. */
export function joinRender(key: string): Promise<void> | undefined {
  const running = rendering.get(key)
  if (running) return running.done
  let finish!: () => void
  const done = new Promise<void>((resolve) => {
    finish = resolve
  })
  rendering.set(key, { done, finish })
  return undefined
}

/** The render of `key` is over, kept or not: whoever waits for it looks in the cache again. */
export function endRender(key: string) {
  rendering.get(key)?.finish()
  rendering.delete(key)
}

/** A cached page with a fresh nonce in its HTML and its Content-Security-Policy, or undefined. */
export function recallPage(key: string): PageReply | undefined {
  const page = pages.get(key)
  if (!page) return undefined
  if (!page.nonce) return { body: page.text.text(''), etag: page.etag, headers: page.headers, nonce: undefined, gzip: () => page.text.gzip('') }
  const nonce = randomBytes(18).toString('base64')
  return {
    body: page.text.text(nonce),
    etag: page.etag,
    headers: Object.fromEntries(Object.entries(page.headers).map(([name, value]) => [name, value.replaceAll(page.nonce!, nonce)])),
    nonce,
    gzip: () => page.text.gzip(nonce),
  }
}
