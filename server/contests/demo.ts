import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import type { Database } from '~~/server/database/schema'
import { newId } from '~~/server/database/ids'
import { findContest, insertContest } from './contests'

const DAY = 86_400_000

/**
 * Each city's demo: one contest open now, and last year's, closed, with a believable result across
 * its districts (some too small to rank). Demo entries carry no number at all.
 */
export async function seedDemoContests(db: Kysely<Database>, city: CityProfile, now = Date.now()) {
  const base = { teamKind: 'district' as const, leaderboard: 'live' as const, topics: ['safe-payment', 'personal-information', 'online-services', 'fraud'] as const, withQuizItems: true }
  const name = city.name
  if (!await findContest(db, city.slug, 'week-knowledge-contest')) {
    await insertContest(db, city.slug, {
      ...base, topics: [...base.topics], slug: 'week-knowledge-contest', questionsPerEntry: 10,
      title: { zh: `${name.zh}信息消费知识竞赛`, en: `${name.en} information knowledge contest` },
      rules: { zh: '每人 10 道题，不限时，可以中途停下，截止前接着做。只算答对几道，不算快慢。每个手机号只能参加一次。各区按公平的方法排名：参加的人太少（不到 10 人）的区先不排名。', en: 'Ten questions each, no time limit: you may stop and carry on until the close. Only right answers count, not speed. One entry per mobile number. Districts are ranked fairly; a district with fewer than 10 entries is not ranked yet.' },
      opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(Date.parse(`${city.week.endsOn}T23:59:59+08:00`) + 7 * DAY).toISOString(),
    }, null, 'seed')
  }
  if (!await findContest(db, city.slug, 'last-year-contest')) {
    const year = Number(city.week.startsOn.slice(0, 4)) - 1
    const id = await insertContest(db, city.slug, {
      ...base, topics: [...base.topics], slug: 'last-year-contest', questionsPerEntry: 20,
      title: { zh: `${year} 年信息消费知识竞赛`, en: `${year} information knowledge contest` },
      rules: { zh: '每人 20 道题，不限时，只算答对几道。（演示数据）', en: 'Twenty questions each, no time limit; only right answers count. (Demo data.)' },
      opensAt: `${year}-12-01T00:00:00.000Z`, closesAt: `${year}-12-20T00:00:00.000Z`,
    }, null, 'seed')
    const rows = city.districts.flatMap((d, di) => {
      const entries = di % 5 === 4 ? 6 : 18 + ((di * 37) % 60)
      const skill = 0.62 + ((di * 13) % 25) / 100
      return Array.from({ length: entries }, (_, i) => {
        const correct = Math.max(4, Math.min(20, Math.round(20 * skill + ((i * 7) % 9) - 4)))
        return {
          id: newId(), contest_id: id, phone_hash: null, phone_enc: null, team: d.code, nickname: `${d.name.zh.slice(0, 2)}居民${i + 1}（示例）`,
          item_ids: '[]', answered: 20, correct, disqualified_at: null, disqualify_reason: null,
          purge_after: `${year}-12-20T00:00:00.000Z`, anonymised_at: `${year}-12-20T00:00:00.000Z`, created_at: `${year}-12-05T02:00:00.000Z`,
        }
      })
    })
    for (let i = 0; i < rows.length; i += 100) await db.insertInto('contest_entries').values(rows.slice(i, i + 100)).execute()
  }
}
