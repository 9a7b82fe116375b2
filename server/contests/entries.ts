import { randomInt } from 'node:crypto'
import { createError } from 'h3'
import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { rankTeams } from '#shared/contests/leaderboard'
import type { ContestAnswerResult, EntryState, LeaderboardView } from '#shared/contests/views'
import type { Database } from '~~/server/database/schema'
import { newId, nowIso } from '~~/server/database/ids'
import { writeTransaction } from '~~/server/database/write-transaction'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { purgeAfter } from '~~/server/privacy/retention'
import { invalidFields, isUniqueViolation } from '~~/server/utils/errors'
import { stateOf, teamsOf, type ContestRow } from './contests'
import { assertEntrySecret, mintEntrySecret } from './entry-secret'
import type { PoolItem } from './pool-item'

function sample<T>(list: T[], n: number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out.slice(0, n)
}

const closed = () => createError({ statusCode: 410, message: 'This contest is not open for entries now', data: { reason: 'closed' } })
const alreadyEntered = () => createError({ statusCode: 409, message: 'This number has already entered this contest', data: { reason: 'already-entered' } })

/** The keyed hash, scoped to one contest, that alone remembers a number entered after its entrant erased their data. */
export const numberKeyOf = (contestId: string, phoneHash: string) => lookupHash(`contest-entry:${contestId}:${phoneHash}`)

/**
 * One entry per verified number: unique indexes on (contest, number hash) and (contest, number key) decide,
 * however many ask at once, and the key outlives an erase until the close. The secret is returned once.
 */
export async function createEntry(db: Kysely<Database>, contest: ContestRow, city: CityProfile, pool: Map<string, PoolItem>, input: { phoneHash: string, phone: string, team: string, nickname: string }) {
  if (stateOf(contest) !== 'open') throw closed()
  if (!teamsOf(contest, city).some(t => t.code === input.team)) throw invalidFields({ team: ['Choose one of the contest\'s teams'] })
  const items = sample([...pool.keys()], contest.questions_per_entry)
  const id = newId()
  const { secret, hash } = mintEntrySecret()
  try {
    await db.insertInto('contest_entries').values({
      id, contest_id: contest.id, phone_hash: input.phoneHash, phone_enc: await encryptText(input.phone), team: input.team, nickname: input.nickname,
      item_ids: JSON.stringify(items), answered: 0, correct: 0, disqualified_at: null, disqualify_reason: null,
      purge_after: purgeAfter(contest.closes_at), anonymised_at: null, created_at: nowIso(),
      secret_hash: hash, number_key: await numberKeyOf(contest.id, input.phoneHash), erased_at: null,
    }).execute()
  }
  catch (error) {
    if (isUniqueViolation(error)) throw alreadyEntered()
    throw error
  }
  return { entryId: id, entrySecret: secret, items: items.map(i => pool.get(i)!.view) }
}

/** The entry, for its entrant only: 404 if there is none (or it was erased), 403 without its secret. */
async function entryFor(db: Kysely<Database> | Transaction<Database>, id: string, secretHash: string) {
  const row = await db.selectFrom('contest_entries as e').innerJoin('contests as c', 'c.id', 'e.contest_id')
    .select(['e.id', 'e.item_ids', 'e.team', 'e.nickname', 'e.secret_hash', 'e.erased_at', 'c.slug', 'c.opens_at', 'c.closes_at'])
    .where('e.id', '=', id).executeTakeFirst()
  if (!row || row.erased_at) throw createError({ statusCode: 404, message: 'No such entry' })
  assertEntrySecret(row.secret_hash, secretHash)
  return { ...row, itemIds: JSON.parse(row.item_ids) as string[] }
}

export async function entryState(db: Kysely<Database>, pool: Map<string, PoolItem>, id: string, secretHash: string): Promise<EntryState> {
  const entry = await entryFor(db, id, secretHash)
  const answers = await db.selectFrom('contest_answers').select(['item_id', 'correct']).where('entry_id', '=', id).execute()
  return {
    entryId: id, contest: entry.slug, team: entry.team, nickname: entry.nickname, closesAt: entry.closes_at,
    items: entry.itemIds.map(i => pool.get(i)?.view).filter(v => v !== undefined),
    answered: answers.map(a => ({ itemId: a.item_id, correct: !!a.correct })),
  }
}

/**
 * Checked on the server; once per item; accuracy is all that counts (no clock). One write transaction that
 * reads the entry once; an item the question bank no longer has is a 410, never a crash.
 */
export function answerEntry(db: Kysely<Database>, pool: Map<string, PoolItem>, id: string, secretHash: string, body: { itemId: string, answer: { option: number } }): Promise<ContestAnswerResult> {
  return writeTransaction(db, async (trx) => {
    const entry = await entryFor(trx, id, secretHash)
    if (stateOf(entry) !== 'open') throw closed()
    if (!entry.itemIds.includes(body.itemId)) throw invalidFields({ itemId: ['This item is not in this entry'] })
    const item = pool.get(body.itemId)
    if (!item) throw createError({ statusCode: 410, message: 'This item is no longer in the contest\'s questions', data: { reason: 'item-gone' } })
    if (body.answer.option >= item.view.options.length) throw invalidFields({ answer: ['Choose one of the options'] })
    const correct = body.answer.option === item.answer
    try {
      await trx.insertInto('contest_answers').values({ entry_id: id, item_id: item.view.id, correct: correct ? 1 : 0, answered_at: nowIso() }).execute()
    }
    catch (error) {
      if (isUniqueViolation(error)) throw createError({ statusCode: 409, message: 'This item is already answered', data: { reason: 'answered' } })
      throw error
    }
    await trx.updateTable('contest_entries').set({ answered: sql`answered + 1`, correct: sql`correct + ${correct ? 1 : 0}` }).where('id', '=', id).execute()
    return { correct, answer: item.answer, explain: item.explain }
  })
}

/** Individuals by nickname (never a number) and teams by the shrunk mean, hidden until the close when the contest says so. */
export async function leaderboard(db: Kysely<Database>, contest: ContestRow, city: CityProfile): Promise<LeaderboardView> {
  const teams = teamsOf(contest, city)
  const visible = contest.leaderboard === 'live' || stateOf(contest) === 'closed'
  if (!visible) return { visible, cityMean: null, priorEntries: null, teams: teams.map(t => ({ code: t.code, name: t.name, entries: 0, mean: null, score: null, rank: null })), individuals: [] }
  const rows = await db.selectFrom('contest_entries').select(['nickname', 'team', 'correct', 'answered'])
    .where('contest_id', '=', contest.id).where('disqualified_at', 'is', null).where('erased_at', 'is', null).where('answered', '>', 0).execute()
  const ranked = rankTeams(rows.map(r => ({ team: r.team, correct: Number(r.correct), answered: Number(r.answered) })))
  const byTeam = new Map(ranked.teams.map(t => [t.team, t]))
  const individuals = rows.filter(r => Number(r.answered) >= contest.questions_per_entry)
    .sort((a, b) => Number(b.correct) - Number(a.correct) || a.nickname.localeCompare(b.nickname)).slice(0, 20)
  let rank = 0
  let last = -1
  const round = (v: number | null | undefined, places = 4) => (v === null || v === undefined ? null : Math.round(v * 10 ** places) / 10 ** places)
  return {
    visible, cityMean: round(ranked.cityMean), priorEntries: round(ranked.priorEntries, 1),
    teams: teams.map((t) => {
      const s = byTeam.get(t.code)
      return { code: t.code, name: t.name, entries: s?.entries ?? 0, mean: round(s?.mean), score: round(s?.score), rank: s?.rank ?? null }
    }).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || b.entries - a.entries),
    individuals: individuals.map((r, i) => {
      if (Number(r.correct) !== last) {
        rank = i + 1
        last = Number(r.correct)
      }
      return { rank, nickname: r.nickname, team: r.team, correct: Number(r.correct), answered: Number(r.answered) }
    }),
  }
}
