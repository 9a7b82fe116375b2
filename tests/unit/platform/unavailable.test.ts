import { describe, expect, it } from 'vitest'
import { createError } from 'h3'
import { unavailableDependency } from '~~/server/errors/unavailable'
import { writeProbe } from '~~/server/database/readiness'
import { routeOf } from '~~/server/utils/request-log'
import { serviceUnavailable } from '~~/server/utils/errors'
import { openSqlite } from '~~/tests/support/databases'
import { prepare, tianjin } from '~~/tests/support/events'

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('which failures are an unavailable dependency (503), not a bug (500)', () => {
  it.each([
    [new Error('Connection terminated unexpectedly'), 'database'],
    [pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433'), 'database'],
    [pgError('57P01', 'terminating connection due to administrator command'), 'database'],
    [pgError('08006', 'connection failure'), 'database'],
    [new Error('timeout exceeded when trying to connect'), 'database'],
    [pgError('ERR_SQLITE_ERROR', 'attempt to write a readonly database'), 'database'],
    [pgError('ERR_SQLITE_ERROR', 'database is locked'), 'database'],
    [new Error('Stream isn\'t writeable and enableOfflineQueue options is false'), 'redis'],
    [new Error('Command timed out'), 'redis'],
    [serviceUnavailable('redis'), 'redis'],
  ])('%s → %s', (error, dependency) => {
    expect(unavailableDependency(error)).toBe(dependency)
    // As h3 hands it to the error handler: wrapped, the original as the cause.
    expect(unavailableDependency(createError(Object.assign(new Error('wrapped'), { cause: error })))).toBe(dependency)
  })

  it.each([
    new TypeError('Cannot read properties of undefined (reading \'id\')'),
    pgError('23505', 'duplicate key value violates unique constraint'),
    pgError('42P01', 'relation "x" does not exist'),
    createError({ statusCode: 404, message: 'No such event' }),
  ])('%s is not', (error) => {
    expect(unavailableDependency(error)).toBeNull()
  })
})

describe('readiness and request logs', () => {
  it('probes the database with a real write, at most once per period, and reports a failed write', async () => {
    const t = await openSqlite()
    await prepare(t.db)
    const probe = writeProbe(t.db, tianjin.slug, 3)
    const now = Date.now()
    expect(await probe(now)).toBe(true)
    await t.db.destroy()
    // Within the period the kept answer is given: the closed database is not asked.
    expect(await probe(now + 1000)).toBe(true)
    expect(await probe(now + 3500)).toBe(false)
  })

  it('logs an API route by its pattern, a page without its query or a ticket link\'s token', () => {
    expect(routeOf('/api/progress/K7Q2-M9X4', '/api/progress/:code')).toBe('/api/progress/:code')
    expect(routeOf('/api/events/anti-fraud/registrations?x=1')).toBe('/api/events/anti-fraud/registrations')
    expect(routeOf('/tickets/0b9f5c1e-8d0a-4f6e-9a43-3c0d2b1e7f55.0123456789abcdef0123456789abcdef')).toBe('/tickets/:id')
  })
})
