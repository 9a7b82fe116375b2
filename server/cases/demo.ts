import type { Kysely } from 'kysely'
import type { CityProfile } from '#shared/city/profile'
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '#shared/cases/credit-code'
import type { CaseStatus } from '#shared/cases/vocabulary'
import type { Database } from '~~/server/database/schema'
import { newId } from '~~/server/database/ids'
import { encryptText, lookupHash } from '~~/server/privacy/crypto'
import { purgeAfter } from '~~/server/privacy/retention'
import { insertCall } from './calls'
import { demoCases } from './demo-cases'
import { demoImageKinds, drawDemoImage } from './demo-images'
import { processImage, storeImage, type ProcessedImage } from './images'
import { newEditCode } from './submissions'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

/** An illustrative 统一社会信用代码 with a correct check character (no real organisation's). */
function demoCreditCode(city: CityProfile, i: number) {
  const division = city.slug === 'huludao' ? '211400' : '120100'
  const tail = Array.from({ length: 6 }, (_, k) => CREDIT_CODE_ALPHABET[(i * 7 + k * 11 + city.slug.length) % CREDIT_CODE_ALPHABET.length]).join('')
  const first = `52${division}MJ${tail}${i % 10}`
  return first + creditCodeCheckChar(first)
}

const processed = new Map<number, Promise<ProcessedImage>>()
const demoImage = (kind: number) => {
  if (!processed.has(kind)) processed.set(kind, drawDemoImage(demoImageKinds[kind % demoImageKinds.length]!, kind).then(processImage))
  return processed.get(kind)!
}

interface Plan { status: CaseStatus, reviews: number, votes: number, hidden?: boolean, reject?: string, assignOnly?: boolean }

async function seedCase(db: Kysely<Database>, city: CityProfile, callId: string, year: number, i: number, plan: Plan, times: { created: number, purge: string, anonymised: boolean }) {
  const template = demoCases[i % demoCases.length]!
  const district = city.districts[(i * 3 + 1) % city.districts.length]!
  const fill = (s: string) => s.replaceAll('{d}', district.name.zh)
  const id = newId()
  const phone = `1380000${String(1000 + i).slice(-4)}`
  const published = plan.status === 'published' || plan.status === 'awarded'
  await db.insertInto('case_submissions').values({
    id, call_id: callId, slug: published ? `${year}-${city.slug}-${i + 1}` : null, status: plan.status, reject_reason: plan.reject ?? null,
    title: fill(template.title), organisation_name: fill(template.organisation), credit_code: demoCreditCode(city, i), district: district.code, theme: template.theme,
    summary: template.summary, description: template.description, outcomes_json: JSON.stringify(template.outcomes),
    contact_name_enc: times.anonymised ? null : await encryptText('王老师（示例）'), contact_phone_enc: times.anonymised ? null : await encryptText(phone),
    phone_hash: times.anonymised ? null : await lookupHash(phone), edit_code_hash: await lookupHash(`case-edit:${newEditCode()}`),
    submitted_by: null, organisation_id: null, vote_count: plan.votes, hidden_at: null, hidden_reason: null,
    submitted_at: plan.status === 'draft' ? null : iso(times.created + DAY), published_at: published ? iso(times.created + 20 * DAY) : null,
    awarded_at: plan.status === 'awarded' ? iso(times.created + 30 * DAY) : null,
    purge_after: times.purge, anonymised_at: times.anonymised ? times.purge : null, source: 'seed', created_at: iso(times.created), updated_at: iso(times.created + DAY),
  }).execute()
  for (const [position, image] of template.images.entries()) await storeImage(db, id, position, image.alt, await demoImage(image.kind))
  const reviewers = await db.selectFrom('users').select('id').where('role', '=', 'reviewer').orderBy('email').execute()
  for (const [r, reviewer] of reviewers.entries()) {
    if (r >= Math.max(plan.reviews, plan.assignOnly ? 2 : 0)) break
    const score = (base: number) => ({ score: Math.max(1, Math.min(5, base)), comment: '（示例）材料完整，做法清楚，适合在其他区推广。' })
    const done = r < plan.reviews
    await db.insertInto('case_reviews').values({
      submission_id: id, reviewer_id: reviewer.id, assigned_by: reviewer.id, assigned_at: iso(times.created + 2 * DAY),
      scores_json: done ? JSON.stringify({ exemplary: score(3 + ((i + r) % 3)), innovative: score(2 + ((i * 2 + r) % 4)), replicable: score(4 + ((i + r * 2) % 2)) }) : null,
      submitted_at: done ? iso(times.created + 5 * DAY) : null, recused_at: null, recuse_note: null,
    }).execute()
  }
}

/**
 * Each city's demo showcase: this year's call, open, with cases in every state (two already
 * published and open to the public vote), and last year's, closed, with awarded cases, its
 * ranking published. Pictures are drawn by the project (demo-images.ts).
 */
export async function seedDemoCases(db: Kysely<Database>, city: CityProfile, now = Date.now()) {
  const exists = async (slug: string) => !!await db.selectFrom('case_calls').select('id').where('city_slug', '=', city.slug).where('slug', '=', slug).executeTakeFirst()
  const year = Number(city.week.startsOn.slice(0, 4))
  const weights = { exemplary: 40, innovative: 30, replicable: 30 }
  if (!await exists('last-year-case-call')) {
    const y = year - 1
    const call = await insertCall(db, city.slug, {
      slug: 'last-year-case-call', title: { zh: `${y} 年信息消费优秀案例征集`, en: `${y} call for excellent information consumption cases` },
      rules: { zh: '面向本市企业、社会组织和机关事业单位征集信息消费优秀案例。专家按示范性、创新性、可推广性评分，结合公众投票产生优秀案例。（演示数据）', en: 'Organisations in the city were invited to submit excellent information consumption cases. Experts scored them on exemplary value, innovation and replicability; with the public vote, this chose the excellent cases. (Demo data.)' },
      opensAt: `${y}-09-01T00:00:00.000Z`, closesAt: `${y}-10-15T00:00:00.000Z`, voteOpensAt: `${y}-11-01T00:00:00.000Z`, voteClosesAt: `${y}-11-20T00:00:00.000Z`,
      votesPerPerson: 3, voteWeight: 20, weights,
    }, 'seed')
    await db.updateTable('case_calls').set({ ranking_published_at: `${y}-11-25T00:00:00.000Z` }).where('id', '=', call.id).execute()
    const plans: Plan[] = [
      { status: 'awarded', reviews: 2, votes: 412 }, { status: 'awarded', reviews: 2, votes: 268 }, { status: 'awarded', reviews: 2, votes: 351 },
      { status: 'published', reviews: 2, votes: 120 }, { status: 'published', reviews: 2, votes: 97 }, { status: 'published', reviews: 2, votes: 185 },
    ]
    for (const [i, plan] of plans.entries()) await seedCase(db, city, call.id, y, i, plan, { created: Date.parse(`${y}-09-10T02:00:00.000Z`), purge: `${y}-11-20T00:00:00.000Z`, anonymised: true })
  }
  if (!await exists('week-case-call')) {
    const closes = Date.parse(`${city.week.endsOn}T23:59:59+08:00`) + 14 * DAY
    const call = await insertCall(db, city.slug, {
      slug: 'week-case-call', title: { zh: `${year} 年信息消费优秀案例征集`, en: `${year} call for excellent information consumption cases` },
      rules: { zh: '欢迎本市企业、社会组织、社区和村信息服务站报送案例：帮助居民用好网上服务、安全支付、识别诈骗的好做法都可以。每个案例写清做了什么、怎么做的、效果如何，附上图片。通过评审的案例先行展示，市民可以投票。（演示数据）', en: 'Companies, social organisations, communities and village information stations in the city are welcome to submit cases: good ways of helping residents use online services, pay safely and spot fraud. Say what you did, how, and what it achieved, with pictures. Cases that pass review are shown at once, and residents may vote. (Demo data.)' },
      opensAt: iso(now - 10 * DAY), closesAt: iso(closes), voteOpensAt: iso(now - DAY), voteClosesAt: iso(closes + 14 * DAY),
      votesPerPerson: 3, voteWeight: 20, weights,
    }, 'seed')
    const plans: Plan[] = [
      { status: 'published', reviews: 2, votes: 36 }, { status: 'published', reviews: 2, votes: 21 },
      { status: 'shortlisted', reviews: 2, votes: 0 }, { status: 'in-review', reviews: 1, votes: 0, assignOnly: true },
      { status: 'submitted', reviews: 0, votes: 0 }, { status: 'rejected', reviews: 0, votes: 0, reject: '（示例）材料里没有写清效果，请补充具体数字后下次再报。' },
      { status: 'draft', reviews: 0, votes: 0 },
    ]
    for (const [i, plan] of plans.entries()) await seedCase(db, city, call.id, year, i, plan, { created: now - 8 * DAY, purge: purgeAfter(iso(closes + 14 * DAY)), anonymised: false })
  }
}
