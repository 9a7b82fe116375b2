import type { LocalizedText } from '#shared/primitives'
import { caseStatuses, caseThemes, publicStatuses, type CaseStatus } from '#shared/cases/vocabulary'
import type { StatisticsSection } from '#shared/statistics/views'
import { cellScope, yearsOf, type SectionBuilder, type StatisticsContext } from '~~/server/statistics/context'
import { CountSystem } from '~~/server/statistics/system'
import { plainColumn, protectedColumn, table, TOTAL, type Label } from '~~/server/statistics/tables'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const THEMES: Record<string, LocalizedText> = {
  'daily-life': t('生活服务', 'Everyday services'), 'public-services': t('看病和办事', 'Health and public services'), 'industry': t('网上开店和卖农产品', 'Selling and business online'),
  'new-products': t('智能产品', 'Smart products'), 'platforms': t('网络和平台服务', 'Networks and platforms'),
}
const STATUSES: Record<CaseStatus, LocalizedText> = {
  'draft': t('草稿', 'Draft'), 'submitted': t('已提交', 'Submitted'), 'in-review': t('评审中', 'In review'), 'shortlisted': t('入围', 'Shortlisted'),
  'rejected': t('未通过', 'Not selected'), 'published': t('已公开展示', 'Published'), 'awarded': t('优秀案例', 'Excellent case'),
}
const handedIn = caseStatuses.filter(s => s !== 'draft')

/**
 * Cases handed in to the year's calls by theme and state (organisations' submissions, shown as they are),
 * and the public vote per call (public: each case shows its votes, so a call's sum is no secret).
 */
async function build(ctx: StatisticsContext): Promise<StatisticsSection> {
  const calls = await ctx.db.selectFrom('case_calls').selectAll().where('city_slug', '=', ctx.city.slug)
    .where('opens_at', '>=', ctx.fromIso).where('opens_at', '<', ctx.toIso).orderBy('opens_at').execute()
  const rows = calls.length
    ? await ctx.db.selectFrom('case_submissions').select(['call_id', 'theme', 'status', 'vote_count', 'hidden_at']).where('call_id', 'in', calls.map(c => c.id)).where('status', '!=', 'draft').execute()
    : []
  const byThemeStatus = (theme: string, status: string) => rows.filter(r => (theme === TOTAL || r.theme === theme) && (status === TOTAL || r.status === status)).length
  const system = new CountSystem(cellScope(ctx, 'cases'))
  const callRows: Label[] = calls.map(c => ({ key: c.slug, label: { zh: c.title_zh, en: c.title_en || c.title_zh } }))
  // The gallery's cases (published, not hidden), whose pages show their votes.
  const votesOf = (slug: string) => rows.filter(r => calls.find(c => c.id === r.call_id)?.slug === slug && (publicStatuses as readonly string[]).includes(r.status) && !r.hidden_at).reduce((n, r) => n + r.vote_count, 0)
  // Each case shows its votes, so a call's votes (their sum) are public: shown exactly.
  for (const c of callRows) system.count(`votes|${c.key}`, votesOf(c.key), 'public')
  system.count(`votes|${TOTAL}`, callRows.reduce((n, c) => n + votesOf(c.key), 0), 'public')
  system.sum(`votes|${TOTAL}`, callRows.map(c => `votes|${c.key}`))
  const publishedOf = (slug: string) => rows.filter(r => (slug === TOTAL || calls.find(c => c.id === r.call_id)?.slug === slug) && (publicStatuses as readonly string[]).includes(r.status)).length
  const themeRows: Label[] = caseThemes.map(key => ({ key, label: THEMES[key]! }))
  return {
    title: t('优秀案例征集', 'Case showcase'),
    headline: null,
    source: t('案例征集的报送记录（不含草稿）和公众投票的票数；投票的人是谁不保存，只有票数。', 'Cases handed in to the year\'s calls (drafts left out) and the votes of the public; who voted is not kept, only the counts.'),
    figures: [
      { id: 'cases_submitted', label: t('报送的案例', 'Cases handed in'), value: rows.length, unit: 'count' },
      { id: 'cases_published', label: t('公开展示的案例', 'Cases published'), value: publishedOf(TOTAL), unit: 'count' },
      { id: 'case_votes', label: t('公众投票', 'Public votes'), value: system.cell(`votes|${TOTAL}`), unit: 'count' },
    ],
    tables: [
      table({
        id: 'cases-by-theme-and-status', title: t('各方向报送的案例（按评审状态）', 'Cases by theme and state'),
        description: t('当年征集收到的案例，按五个方向和评审状态统计。', 'The cases handed in to the year\'s calls, by the five themes and by their state in the review.'),
        rowDimension: { key: 'theme', label: t('方向', 'Theme') }, columnDimension: { key: 'status', label: t('状态', 'State') }, rows: themeRows,
        columns: [
          ...handedIn.map(s => plainColumn(s.replace(/-/g, '_'), STATUSES[s], r => byThemeStatus(r, s))),
          plainColumn('all', t('全部', 'All'), r => byThemeStatus(r, TOTAL)),
        ],
        totals: true, rowTotal: 'all', chart: { kind: 'bar', column: 'all' },
      }),
      table({
        id: 'case-votes-by-call', title: t('每次征集的公众投票', 'Public votes by call'), description: t('公开展示的案例收到的票数（和每个案例页面上的一样）。', 'The votes that published cases received (as each case\'s page shows them).'),
        rowDimension: { key: 'call', label: t('征集', 'Call') }, columnDimension: { key: 'measure', label: t('指标', 'Measure') }, rows: callRows,
        columns: [
          plainColumn('cases_published', t('公开展示的案例', 'Cases published'), publishedOf),
          protectedColumn(system, 'votes', t('票数', 'Votes'), r => `votes|${r}`),
        ],
        totals: true, chart: { kind: 'bar', column: 'votes' },
      }),
    ],
  }
}

export const caseStatistics: SectionBuilder = {
  key: 'cases',
  build,
  years: async (db, city) => {
    const r = await db.selectFrom('case_calls').where('city_slug', '=', city).select(({ fn }) => [fn.min('opens_at').as('first'), fn.max('opens_at').as('last')]).executeTakeFirst()
    return yearsOf([r?.first, r?.last], true)
  },
}
