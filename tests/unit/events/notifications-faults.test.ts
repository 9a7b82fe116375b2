import type { Kysely, KyselyPlugin } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { book } from '~~/server/events/booking'
import type { Database } from '~~/server/database/schema'
import { CLAIM_SECONDS, claimDue, sendPending } from '~~/server/notifications/sender'
import { backlogSize } from '~~/server/notifications/settle'
import { installSender, wakeSender } from '~~/server/notifications/wake'
import { log } from '~~/server/utils/log'
import type { NotificationProvider, OutgoingMessage } from '~~/server/notifications/providers'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { insertEvent, prepare, tianjin } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

const sealedFor = async (phone: string) => ({ name_enc: await encryptText('宋秀英'), phone_enc: await encryptText(phone), phone_hash: await lookupHash(phone) })

/** The same database through a switch: while `down` (or when `fails` says so) every query fails as a lost connection would. */
function withOutage(db: Kysely<Database>) {
  const state = { down: false, fails: (_kind: string) => false }
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (state.down || state.fails(node.kind)) throw new Error('Connection terminated unexpectedly')
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return { db: db.withPlugin(plugin), state }
}

describe.each(dialects)('sending through a database blip on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => {
    await t?.close()
  })

  const bookSome = async (n: number, prefix: string) => {
    const event = await insertEvent(t.db, { capacity: 50 })
    for (let i = 0; i < n; i++) await book(t.db, { event: { id: event.id }, partySize: 1, sealed: await sealedFor(`${prefix}${String(i).padStart(4, '0')}`), purgeAfter: '2099-01-01T00:00:00.000Z' })
    return event
  }
  const rowsOf = (eventId: string) => t.db.selectFrom('notifications').select(['id', 'status', 'attempts', 'claimed_by', 'send_after', 'last_error']).where('event_id', '=', eventId).execute()

  it('writes a text the gateway accepted once the database answers, never sends it twice, and hands the rest back at once', async () => {
    const event = await bookSome(4, '1371000')
    const { db, state } = withOutage(t.db)
    const seen: OutgoingMessage[] = []
    // The database goes away just after the gateway accepts the first text.
    const provider: NotificationProvider = { name: 'test', send: async (m) => {
      seen.push(m)
      if (seen.length === 1) state.down = true
    } }
    await expect(sendPending(db, provider, tianjin, 'https://portal.example')).rejects.toThrow(/Connection terminated/)
    expect(backlogSize(db)).toBe(4)
    // Still down: the next run fails before it claims anything, keeping what it must write.
    await expect(sendPending(db, provider, tianjin, 'https://portal.example')).rejects.toThrow()
    expect(backlogSize(db)).toBe(4)

    state.down = false
    await sendPending(db, provider, tianjin, 'https://portal.example')
    expect(backlogSize(db)).toBe(0)
    const ours = seen.filter(m => m.text.includes(event.title_zh))
    expect(ours).toHaveLength(4)
    expect(new Set(ours.map(m => m.id)).size).toBe(4)
    const rows = await rowsOf(event.id)
    expect(rows.every(r => r.status === 'sent' && r.claimed_by === null && r.attempts === 1)).toBe(true)
  })

  it('puts every claimed row back to due with the try counted when a read fails before sending', async () => {
    const event = await bookSome(3, '1372000')
    const { db, state } = withOutage(t.db)
    // The claim works; the batch's read (the only select with joins here) fails, and so does the database after it.
    state.fails = kind => kind === 'SelectQueryNode' && (state.down = true)
    const seen: OutgoingMessage[] = []
    const provider: NotificationProvider = { name: 'test', send: async m => void seen.push(m) }
    await expect(sendPending(db, provider, tianjin, 'https://portal.example')).rejects.toThrow()
    expect(seen).toHaveLength(0)
    expect((await rowsOf(event.id)).every(r => r.claimed_by !== null)).toBe(true)

    state.fails = () => false
    state.down = false
    const now = new Date().toISOString()
    await sendPending(db, { name: 'held', send: async () => {
      throw new Error('not now')
    } }, tianjin, 'https://portal.example', 0)
    const back = await rowsOf(event.id)
    expect(back.map(r => [r.claimed_by, r.attempts, r.send_after <= now, r.last_error])).toEqual(back.map(() => [null, 1, true, 'Connection terminated unexpectedly']))
    await sendPending(db, provider, tianjin, 'https://portal.example')
    expect(seen.filter(m => m.text.includes(event.title_zh))).toHaveLength(3)
  })

  it('leaves a dead sender\'s claims to the lease: another process cannot hand them back', async () => {
    const event = await bookSome(2, '1373000')
    const { db, state } = withOutage(t.db)
    const provider: NotificationProvider = { name: 'test', send: async () => {
      state.down = true
    } }
    await expect(sendPending(db, provider, tianjin, 'https://portal.example')).rejects.toThrow()
    // The process that kept the outcomes is gone; another (its own handle, nothing kept) sends nothing of it yet.
    const other = t.openAnother?.() ?? t.db
    const seen: OutgoingMessage[] = []
    await sendPending(other, { name: 'test', send: async m => void seen.push(m) }, tianjin, 'https://portal.example')
    expect(seen.filter(m => m.text.includes(event.title_zh))).toHaveLength(0)
    const afterLapse = new Date(Date.now() + (CLAIM_SECONDS + 1) * 1000).toISOString()
    const retaken = await claimDue(other, 'after-the-lease', 50, afterLapse)
    expect((await rowsOf(event.id)).filter(r => retaken.includes(r.id))).toHaveLength(2)
    if (other !== t.db) await other.destroy()
  })
})

describe('the sender after a failed run', () => {
  afterEach(() => {
    installSender(undefined)
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('tries again within seconds until a run works, without waiting for the minute tick or another booking', async () => {
    vi.useFakeTimers()
    const errors = vi.spyOn(log, 'error').mockImplementation(() => {})
    const warnings = vi.spyOn(log, 'warn').mockImplementation(() => {})
    let runs = 0
    installSender(async () => {
      if (++runs <= 3) throw new Error('Connection terminated unexpectedly')
    })
    wakeSender()
    // The three wake checks (25 ms, 1 s, 4 s) and the retries after each failure (1 s, 2 s, then 5 s).
    await vi.advanceTimersByTimeAsync(10_000)
    const settled = runs
    expect(settled).toBeGreaterThanOrEqual(4)
    await vi.advanceTimersByTimeAsync(30_000)
    // Once a run works nothing more is scheduled.
    expect(runs).toBe(settled)
    // One line when it starts failing, one when it works again: not one per try.
    expect(errors.mock.calls).toEqual([[{ error: 'Connection terminated unexpectedly' }, expect.stringContaining('sending messages failed')]])
    expect(warnings.mock.calls).toEqual([[{ failures: 3 }, 'sending messages works again']])
  })
})
