// test-clock: every call below is given its time (`now`, a day) as an argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CODE_ALPHABET } from '#shared/primitives'
import { resumeCodeSchema } from '#shared/courses/progress'
import { countActivity, createProgress, progressPurger, readProgress, updateProgress } from '~~/server/courses/progress'
import { courseFigures } from '~~/server/courses/figures'
import { lookupHash } from '~~/server/privacy/crypto'
import { dialects, type TestDatabase } from '~~/tests/support/databases'
import { prepare } from '~~/tests/support/events'

process.env.PORTAL_DATA_KEY ??= Buffer.alloc(32, 9).toString('base64')

describe('resume codes', () => {
  it('are read back whatever the case, spaces and dashes, and never hold look-alikes', () => {
    expect(resumeCodeSchema.parse(' ace4-fgh ')).toBe('ACE4FGH')
    for (const bad of ['ACE0FGH', 'ACEIFGH', 'AB', 'ACE4FGHJKM']) expect(resumeCodeSchema.safeParse(bad).success).toBe(false)
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8BDQ]/)
  })
})

describe.each(dialects)('course progress on $name', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await prepare(t.db)
  })
  afterAll(async () => t?.close())

  it('keeps progress behind a code, stored only as a hash, and merges later steps and lessons', async () => {
    const made = await createProgress(t.db, { course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 3, done: ['what-is-mobile-payment'] })
    expect(made.resumeCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`))
    const rows = await t.db.selectFrom('course_progress').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(made.resumeCode)

    await updateProgress(t.db, made.resumeCode, { course: 'pay-by-phone-safely', lesson: 'scan-to-pay', step: 6, completed: true })
    await updateProgress(t.db, made.resumeCode, { course: 'travel-by-phone', lesson: 'ride-hailing', step: 2 })
    const read = await readProgress(t.db, made.resumeCode)
    expect(read?.courses).toEqual({
      'pay-by-phone-safely': { lesson: 'scan-to-pay', step: 6, done: ['what-is-mobile-payment', 'scan-to-pay'] },
      'travel-by-phone': { lesson: 'ride-hailing', step: 2, done: [] },
    })
    expect(await readProgress(t.db, 'ACEFGHJ')).toBeNull()
  })

  it('loses no finished lesson when two devices write at once', async () => {
    const made = await createProgress(t.db, { course: 'pay-by-phone-safely', lesson: 'a', step: 1 })
    const lessons = Array.from({ length: 12 }, (_, i) => `lesson-${i}`)
    await Promise.all(lessons.map(lesson => updateProgress(t.db, made.resumeCode, { course: 'pay-by-phone-safely', lesson, step: 1, completed: true })))
    expect((await readProgress(t.db, made.resumeCode))!.courses['pay-by-phone-safely']!.done.sort()).toEqual([...lessons].sort())

    // Control: the same writes as read-then-write without the lock lose lessons, so the test can fail.
    const naive = await createProgress(t.db, { course: 'pay-by-phone-safely', lesson: 'a', step: 1 })
    const hash = await lookupHash(`resume:${naive.resumeCode}`)
    await Promise.all(lessons.map(async (lesson) => {
      const row = await t.db.selectFrom('course_progress').select('courses_json').where('code_hash', '=', hash).executeTakeFirstOrThrow()
      const courses = JSON.parse(row.courses_json) as Record<string, { done: string[] }>
      courses['pay-by-phone-safely']!.done.push(lesson)
      await t.db.updateTable('course_progress').set({ courses_json: JSON.stringify(courses) }).where('code_hash', '=', hash).execute()
    }))
    expect((await readProgress(t.db, naive.resumeCode))!.courses['pay-by-phone-safely']!.done.length).toBeLessThan(lessons.length)
  })

  it('forgets a code after 180 days without use, and not before', async () => {
    const old = await createProgress(t.db, { course: 'pay-by-phone-safely', lesson: 'a', step: 1 }, '2026-01-01T00:00:00.000Z')
    const used = await createProgress(t.db, { course: 'pay-by-phone-safely', lesson: 'a', step: 1 }, '2026-01-01T00:00:00.000Z')
    expect(await readProgress(t.db, used.resumeCode, '2026-06-29T00:00:00.000Z')).not.toBeNull()
    // 181 days after the last use of `old`; `used` was used 2 days ago.
    expect(await readProgress(t.db, old.resumeCode, '2026-07-01T00:00:00.000Z')).toBeNull()
    await progressPurger.purge(t.db, '2026-07-01T00:00:00.000Z')
    expect(await readProgress(t.db, used.resumeCode, '2026-07-01T00:00:00.000Z')).not.toBeNull()
    const hashes = (await t.db.selectFrom('course_progress').select('code_hash').execute()).length
    await progressPurger.purge(t.db, '2027-06-01T00:00:00.000Z')
    expect((await t.db.selectFrom('course_progress').select('code_hash').execute()).length).toBeLessThan(hashes)
  })

  it('counts steps reached and lessons finished, and finds where most learners stop', async () => {
    const day = '2026-12-03'
    for (let i = 0; i < 10; i++) await countActivity(t.db, 'tianjin', 'c1', 'l1', 1, day)
    for (let i = 0; i < 8; i++) await countActivity(t.db, 'tianjin', 'c1', 'l1', 2, day)
    for (let i = 0; i < 3; i++) await countActivity(t.db, 'tianjin', 'c1', 'l1', 3, day)
    for (let i = 0; i < 2; i++) await countActivity(t.db, 'tianjin', 'c1', 'l1', 0, day)
    await countActivity(t.db, 'tianjin', 'c1', 'l1', 1, '2026-12-20')
    // Another city in the same database counts apart.
    for (let i = 0; i < 5; i++) await countActivity(t.db, 'huludao', 'c1', 'l1', 1, day)
    const steps = [1, 2, 3].map(() => ({ title: { zh: '', en: '' }, html: { zh: '', en: '' }, simulation: null }))
    const catalogue = [{ slug: 'c1', title: { zh: '课', en: 'C' }, lessons: [{ slug: 'l1', title: { zh: '一', en: 'One' }, steps } as never] }]
    const figures = await courseFigures(t.db, 'tianjin', catalogue, '2026-12-01', '2026-12-07')
    expect(figures.courses[0]).toMatchObject({ starts: 10, completions: 2, days: [{ day, starts: 10, completions: 2 }] })
    // 10 → 8 → 3 → 2 finished: 2 left after step 1, 5 after step 2, 1 after step 3.
    expect(figures.courses[0]!.lessons[0]).toMatchObject({ reached: [10, 8, 3], mostLeaveAfter: 2 })
  })
})
