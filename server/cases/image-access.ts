import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { publicStatuses } from '#shared/cases/vocabulary'
import type { Database } from '~~/server/database/schema'
import { lookupHash } from '~~/server/privacy/crypto'

/**
 * Who may fetch a picture's files. Anyone, while a public case (published or
 * awarded, not hidden) shows that picture; otherwise only someone the server
 * has just shown the picture to (the submitter behind their edit code, an
 * admin, an assigned reviewer), through a grant signed into the URL. An `<img>`
 * cannot send the edit code, so the grant stands in for it.
 */
export type ImageAudience = 'public' | 'granted'

const HOUR = 3600
/** Grants end on the hour, one to two hours ahead: the same URLs for an hour, so a page and its refetch agree. */
const grantUntil = (nowMs: number) => (Math.floor(nowMs / 1000 / HOUR) + 2) * HOUR
const MAX_AHEAD = 2 * HOUR

const signature = async (hash: string, until: number) => (await lookupHash(`case-image:${hash}:${until}`)).slice(0, 32)

/** The query string that lets its holder fetch every width of one picture until the grant ends. */
export async function imageGrant(hash: string, nowMs = Date.now()): Promise<string> {
  const until = grantUntil(nowMs)
  return `?until=${until}&sig=${await signature(hash, until)}`
}

async function grantHolds(hash: string, grant: { until?: number, sig?: string }, nowMs: number): Promise<boolean> {
  if (grant.until === undefined || grant.sig === undefined) return false
  const now = nowMs / 1000
  if (grant.until <= now || grant.until > now + MAX_AHEAD) return false
  const expected = Buffer.from(await signature(hash, grant.until))
  const given = Buffer.from(grant.sig)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Whether a public case of this city shows the picture with this content hash. */
async function shownPublicly(db: Kysely<Database>, city: string, hash: string): Promise<boolean> {
  const row = await db.selectFrom('case_images as i')
    .innerJoin('case_submissions as s', 's.id', 'i.submission_id')
    .innerJoin('case_calls as c', 'c.id', 's.call_id')
    .select('i.id')
    .where('i.hash', '=', hash).where('s.status', 'in', publicStatuses).where('s.hidden_at', 'is', null).where('c.city_slug', '=', city)
    .limit(1).executeTakeFirst()
  return !!row
}

/** `null`: this visitor may not have the file, and it is answered as if there were none. */
export async function imageAudience(db: Kysely<Database>, city: string, file: string, grant: { until?: number, sig?: string }, nowMs = Date.now()): Promise<ImageAudience | null> {
  const hash = file.slice(0, 32)
  if (await shownPublicly(db, city, hash)) return 'public'
  return await grantHolds(hash, grant, nowMs) ? 'granted' : null
}
