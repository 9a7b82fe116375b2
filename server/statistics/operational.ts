import { sql } from 'kysely'
import type { LocalizedText } from '#shared/primitives'
import { HIDDEN_MARKER, SUPPRESSION_THRESHOLD, type StatisticsSection } from '#shared/statistics/views'
import type { NotificationKind } from '~~/server/database/schema'
import { cityDay } from '#shared/utils/dates'
import { cellScope, type StatisticsContext } from './context'
import { CountSystem } from './system'
import { plainColumn, protectedColumn, rateColumn, table, TOTAL, type Label } from './tables'

const t = (zh: string, en: string): LocalizedText => ({ zh, en })
const measure = { key: 'measure', label: t('指标', 'Measure') }
const eventDim = { key: 'event', label: t('活动', 'Event') }
/** Close to full: at least this share of the places booked, still to come. */
const NEARLY_FULL = 0.9
/** Many no-shows: at least this share of the booked places not checked in, once the event has ended. */
const MANY_NO_SHOWS = 0.3
const LIST = 20
const KINDS: NotificationKind[] = ['confirmed', 'waitlisted', 'promoted', 'reminder', 'event-cancelled']
const KIND_LABELS: Record<NotificationKind, LocalizedText> = {
  'confirmed': t('报名成功', 'Booking confirmed'),
  'waitlisted': t('进入候补', 'On the waiting list'),
  'assisted-confirmed': t('代报名成功', 'Booked by staff for the resident'),
  'assisted-waitlisted': t('代报名进入候补', 'Waiting list, booked by staff'),
  'promoted': t('候补转正', 'Place from the waiting list'),
  'reminder': t('活动提醒', 'Reminder'),
  'event-cancelled': t('活动取消', 'Event cancelled'),
  'event-changed': t('时间地点变动', 'Time or place changed'),
  'event-message': t('主办方通知', 'Message from the organiser'),
  'feedback': t('请您评价', 'Feedback request'),
}

/** Admins' operational figures (events close to full, many no-shows, messages that failed), protected like the public ones. */
export async function operationalSection(ctx: StatisticsContext): Promise<StatisticsSection> {
  const now = ctx.now.toISOString()
  const year = ctx.db.selectFrom('events').select(['slug', 'title_zh', 'title_en', 'starts_at', 'capacity', 'confirmed_places', 'checked_in_places', 'waitlist_parties'])
    .where('city_slug', '=', ctx.city.slug).where('status', '=', 'published').where('starts_at', '>=', ctx.fromIso).where('starts_at', '<', ctx.toIso)
  const [full, ended, messages] = await Promise.all([
    // Only where being listed cannot pin a small count: with fewer than 10 places at 90 %, the list itself would tell it.
    year.where('ends_at', '>', now).where(sql<boolean>`confirmed_places >= capacity * ${NEARLY_FULL}`).where(sql<boolean>`capacity * ${NEARLY_FULL} >= ${SUPPRESSION_THRESHOLD}`)
      .orderBy('starts_at').limit(LIST).execute(),
    year.where('ends_at', '<=', now).where(sql<boolean>`confirmed_places - checked_in_places >= confirmed_places * ${MANY_NO_SHOWS}`).where('confirmed_places', '>', 0)
      .orderBy(sql`(confirmed_places - checked_in_places) * 1.0 / confirmed_places`, 'desc').limit(LIST).execute(),
    ctx.db.selectFrom('notifications as n').innerJoin('events as e', 'e.id', 'n.event_id').where('e.city_slug', '=', ctx.city.slug)
      .where('n.created_at', '>=', ctx.fromIso).where('n.created_at', '<', ctx.toIso)
      .select(['n.kind', 'n.status', sql<number>`count(*)`.as('n')]).groupBy(['n.kind', 'n.status']).execute(),
  ])
  const system = new CountSystem(cellScope(ctx, 'operational'))
  const label = (e: { title_zh: string, title_en: string, starts_at: string }): LocalizedText => ({ zh: `${e.title_zh}（${cityDay(e.starts_at)}）`, en: `${e.title_en} (${cityDay(e.starts_at)})` })
  const fullRows: Label[] = full.map(e => ({ key: e.slug, label: label(e) }))
  for (const e of full) {
    system.count(`booked|${e.slug}`, e.confirmed_places, 'public')
    system.count(`waitlist|${e.slug}`, e.waitlist_parties, 'public')
  }
  const endedRows: Label[] = ended.map(e => ({ key: e.slug, label: label(e) }))
  for (const e of ended) {
    system.count(`held|${e.slug}`, e.confirmed_places, 'public')
    system.count(`attended|${e.slug}`, e.checked_in_places)
    system.count(`noshow|${e.slug}`, e.confirmed_places - e.checked_in_places)
    system.sum(`held|${e.slug}`, [`attended|${e.slug}`, `noshow|${e.slug}`])
  }
  const count = (kind: string, status: string) => Number(messages.find(m => m.kind === kind && m.status === status)?.n ?? 0)
  const statuses = ['sent', 'failed', 'pending', 'skipped'] as const
  for (const s of statuses) {
    for (const k of KINDS) system.count(`${s}|${k}`, count(k, s))
    system.count(`${s}|${TOTAL}`, KINDS.reduce((n, k) => n + count(k, s), 0))
    system.sum(`${s}|${TOTAL}`, KINDS.map(k => `${s}|${k}`))
  }
  for (const k of [...KINDS, TOTAL]) {
    system.count(`all|${k}`, statuses.reduce((n, s) => n + (k === TOTAL ? KINDS.reduce((m, kk) => m + count(kk, s), 0) : count(k, s)), 0))
    system.sum(`all|${k}`, statuses.map(s => `${s}|${k}`))
  }
  system.sum(`all|${TOTAL}`, KINDS.map(k => `all|${k}`))
  const capacity = new Map(full.map(e => [e.slug, e.capacity]))
  return {
    title: t('运行情况（仅管理员）', 'Operations (administrators only)'),
    headline: null,
    source: t('活动的报名和签到计数，以及短信发送队列。', 'The events\' booking and check-in counters, and the message outbox.'),
    figures: [
      { id: 'messages_failed', label: t('发送失败的消息', 'Messages that failed'), value: system.cell(`failed|${TOTAL}`), unit: 'count' },
    ],
    tables: [
      table({
        id: 'operations-nearly-full', title: t('快满的活动', 'Events close to full'), description: t(`还没结束、报名已达名额 ${NEARLY_FULL * 100}% 以上的活动（最多 ${LIST} 场）。`, `Events still to come with at least ${NEARLY_FULL * 100}% of their places booked (up to ${LIST}).`),
        rowDimension: eventDim, columnDimension: measure, rows: fullRows,
        columns: [
          plainColumn('places_offered', t('名额', 'Places'), r => capacity.get(r) ?? 0),
          protectedColumn(system, 'places_booked', t('报名人数', 'Places booked'), r => `booked|${r}`),
          // Places and places booked are both public on the event's page: so is the share.
          { key: 'booked_rate', label: t('已报名的比例', 'Booked'), unit: 'percent', cell: (r) => {
            const booked = system.cell(`booked|${r}`)
            return typeof booked === 'number' ? Math.round((1000 * booked) / (capacity.get(r) ?? 1)) / 10 : HIDDEN_MARKER
          }, exact: () => true },
          protectedColumn(system, 'waitlist_parties', t('候补', 'On the waiting list'), r => `waitlist|${r}`),
        ],
        totals: false, chart: { kind: 'none', column: 'booked_rate' },
      }),
      table({
        id: 'operations-many-no-shows', title: t('报名未到较多的活动', 'Events with many no-shows'), description: t(`已结束、报名的人有 ${MANY_NO_SHOWS * 100}% 以上没有签到的活动（最多 ${LIST} 场）。`, `Ended events where at least ${MANY_NO_SHOWS * 100}% of the places booked were not checked in (up to ${LIST}).`),
        rowDimension: eventDim, columnDimension: measure, rows: endedRows,
        columns: [
          protectedColumn(system, 'places_booked', t('报名人数', 'Places booked'), r => `held|${r}`),
          protectedColumn(system, 'attended', t('到场人数', 'Attended'), r => `attended|${r}`),
          protectedColumn(system, 'no_show', t('报名未到', 'Did not come'), r => `noshow|${r}`),
          rateColumn(system, 'no_show_rate', t('未到率', 'No-show rate'), r => `noshow|${r}`, r => `held|${r}`),
        ],
        totals: false, chart: { kind: 'none', column: 'no_show_rate' },
      }),
      table({
        id: 'operations-messages', title: t('消息发送情况', 'Messages sent'), description: t('当年各类消息的发送结果。', 'What became of each kind of message this year.'),
        rowDimension: { key: 'kind', label: t('消息', 'Message') }, columnDimension: { key: 'status', label: t('结果', 'Outcome') },
        rows: KINDS.map(k => ({ key: k, label: KIND_LABELS[k] })),
        columns: [
          protectedColumn(system, 'sent', t('已发送', 'Sent'), r => `sent|${r}`),
          protectedColumn(system, 'failed', t('失败', 'Failed'), r => `failed|${r}`),
          protectedColumn(system, 'pending', t('等待发送', 'Waiting'), r => `pending|${r}`),
          protectedColumn(system, 'skipped', t('不用发送', 'Not needed'), r => `skipped|${r}`),
          protectedColumn(system, 'all', t('全部', 'All'), r => `all|${r}`),
        ],
        totals: true, rowTotal: 'all', chart: { kind: 'bar', column: 'failed' },
      }),
    ],
  }
}
