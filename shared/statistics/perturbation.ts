/**
 * The disclosure rule for counts about residents, as pure functions.
 *
 * Public counts are shown exactly: each is already on another public page (places booked on an
 * event, from its places and places left; bookings waiting on a full event; a case's votes; a
 * team's entries on the leaderboard),
 * and so are their sums. Hiding them here would only pretend.
 *
 * Protected counts (anything by age group, bookings made, attendance, no-shows, lessons, quiz
 * answers, messages…) get a cell-key perturbation, the method of the Australian Bureau of
 * Statistics' TableBuilder: each cell has a key worked out from a secret of this deployment and
 * the cell's name (city, year, section, what it counts), and the key picks a small change from
 * NOISE_TABLE. The change belongs to the cell, not to the moment: every reading, and every count
 * the cell takes, gets the same change. So adding or removing one's own records shows exactly
 * the records added or removed and never the count that was there before; re-reading shows
 * nothing new. A changed count below 10 (a true 0 included) is shown as '<10', so a cell that is
 * known to be empty (a new day, the start of a year) does not give its change away either.
 *
 * What a reader can still learn: a published protected count is within MAX_CHANGE of the true
 * one; how much a cell changed between two readings, exactly (the figures are daily snapshots, so
 * one change per day). Its limit: the change is bounded, so where other public figures already
 * pin a count to a few values (a district with one or two bookings in all), or where a reader
 * knows a cell's true count at one moment (a cell they alone filled, from empty, with ten or more
 * records of their own), the extreme changes (±3, 2 % each) can still tell a count.
 */
import { HIDDEN_MARKER, MAX_CHANGE, SMALL_MARKER, SUPPRESSION_THRESHOLD, type StatisticsCell } from './views'

/** Changes −3…+3 and their chances in per cent: zero mean, variance 1.4, most counts moved by 0 or 1. */
export const NOISE_TABLE: ReadonlyArray<readonly [change: number, percent: number]> = [[-3, 2], [-2, 8], [-1, 20], [0, 40], [1, 20], [2, 8], [3, 2]]

/** The change a cell key in [0, 1) picks from the table. */
export function noiseOf(cellKey: number): number {
  const at = Math.min(99.999_999, Math.max(0, cellKey * 100))
  let below = 0
  for (const [change, percent] of NOISE_TABLE) {
    below += percent
    if (at < below) return change
  }
  return 0
}

/** A protected count as published: count + change, or '<10' when that is below 10. */
export function perturbedCell(count: number, change: number): StatisticsCell {
  const shown = count + change
  return shown < SUPPRESSION_THRESHOLD ? SMALL_MARKER : shown
}

/**
 * A percentage (one decimal) of two published counts, from the published figures only (so it tells
 * nothing they do not); withheld ('c') when either is '<10' or the rest (denominator − numerator) is
 * below 10, where the share would point at a handful of people; null when there is nothing to divide by.
 */
export function rateOf(numerator: StatisticsCell, denominator: StatisticsCell): StatisticsCell {
  if (typeof numerator !== 'number' || typeof denominator !== 'number') return HIDDEN_MARKER
  if (denominator === 0) return null
  const rest = denominator - numerator
  if (numerator > 0 && numerator < SUPPRESSION_THRESHOLD) return HIDDEN_MARKER
  if (rest > 0 && rest < SUPPRESSION_THRESHOLD) return HIDDEN_MARKER
  return Math.min(100, Math.max(0, Math.round((numerator / denominator) * 1000) / 10))
}

export const DISCLOSURE_RULE = {
  zh: `有些数字本来就在别的页面上公开：活动的报名人数（从名额和剩余名额算得出）、候补的组数、案例的票数、排行榜公布后队伍的参赛人数。这里照实显示它们和它们的合计。其他来自居民记录的数字（按年龄段的数字、报名次数、到场、未到、学习、答题等）都加上了一个小的随机变动，最多加减 ${MAX_CHANGE}；同一个格子每次看到的变动都一样，所以自己加上或取消几条记录，只能看出自己的那几条，看不出原来有多少。变动后小于 ${SUPPRESSION_THRESHOLD} 的数字（包括 0）显示为“${SMALL_MARKER}”。所以这些数字和合计可能对不上，与真实人数最多差 ${MAX_CHANGE}。数字每天算一次，一天之内不变。比例用公开的数字算；会指向少数几个人的比例显示为“${HIDDEN_MARKER}”。还能看出的：每天每个数字变了多少。做不到的：如果别的公开数字已经把一个格子限定在很少几个可能值（比如某个区一共只有一两人报名），这个变动偶尔会被看出来。管理员看到的也是同样处理过的数字。`,
  en: `Some counts are public on other pages already: places booked on an event (its places less the places left), bookings on its waiting list, a case's votes, a team's entries once its leaderboard is shown. They and their totals are shown here exactly. Every other count from residents' records (anything by age group, the number of bookings, attendance, no-shows, lessons, quiz answers…) has a small random change added, at most ${MAX_CHANGE} either way; a cell always gets the same change, so adding or cancelling records of your own shows only those records, never how many there were before. A changed count below ${SUPPRESSION_THRESHOLD} (a 0 included) is shown as "${SMALL_MARKER}". So these figures may not add up to their totals, and each is within ${MAX_CHANGE} of the true count. The figures are worked out once a day and stay the same all day. Rates are worked out from the published figures; a rate that would point at a handful of people is shown as "${HIDDEN_MARKER}". What you can still learn: how much each figure changed from one day to the next. The limit: where other public figures already narrow a cell to a few values (a district with only one or two bookings in all), the change can now and then be worked out. Administrators see the same protected figures.`,
}

/** The method in a data user's terms, for the data package's description. */
export const DISCLOSURE_METHOD = `Method: cell-key perturbation, after the Australian Bureau of Statistics' TableBuilder. Each protected cell's key is HMAC-SHA-256 (a secret of this deployment, derived from its data key) of the cell's name: city, year, section and what the cell counts. The key picks a change from a fixed table: −3, −2, −1, 0, +1, +2, +3 with chances 2, 8, 20, 40, 20, 8, 2 % (mean 0, variance 1.4). The change belongs to the cell, whatever its count, so the same cell always gets the same change; a published value below ${SUPPRESSION_THRESHOLD} after the change is "${SMALL_MARKER}", and totals are cells with changes of their own (rows need not add up). Figures are daily snapshots (Asia/Shanghai days). Public counts (places booked on events and bookings on their waiting lists, by the event's district, day, area, audience or format; a case's votes and their sums; a team's contest entries while its leaderboard is shown) are exact. What a reader can learn: each protected figure within ${MAX_CHANGE} of its count, and a cell's exact change from one day's snapshot to the next; adding or removing one's own records shows only those records. Limit: the change is bounded, so where other figures already narrow a count to a few values, the extreme changes can sometimes be recognised.`
