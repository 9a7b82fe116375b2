import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { statisticsSummary } from '~~/app/utils/statistics-summary'
import { dictionaries } from '#shared/i18n/dictionaries'
import type { Language } from '#shared/i18n/languages'
import type { StatisticsCell, StatisticsTable } from '#shared/statistics/views'

const t = (lang: Language) => ((key: string, vars: Record<string, unknown> = {}) => {
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionaries[lang].statistics) as string
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]))
}) as unknown as TFunction
const l = (zh: string, en: string) => ({ zh, en })
const suppression = { threshold: 10, marker: '<10', hiddenMarker: 'c' } as const
const districts = [l('和平区', 'Heping'), l('东丽区', 'Dongli'), l('津南区', 'Jinnan')]

function table(cells: StatisticsCell[], options: { unit?: 'count' | 'percent', total?: StatisticsCell | null, rows?: string, exact?: boolean } = {}): StatisticsTable {
  const days = options.rows === 'day'
  return {
    id: 't', title: l('表', 'Table'), description: l('', ''),
    rowDimension: { key: options.rows ?? 'district', label: l('区', 'District') },
    columnDimension: { key: 'measure', label: l('', '') },
    columns: [{ key: 'bookings', label: options.unit === 'percent' ? l('到场率', 'Attendance rate') : l('报名', 'Bookings'), unit: options.unit ?? 'count', exact: options.exact ?? true }],
    rows: cells.map((c, i) => ({ key: String(i), label: days ? l(`12月${i + 1}日`, `1${i} Dec`) : districts[i]!, cells: [c] })),
    totals: options.total === undefined ? null : { label: l('合计', 'Total'), cells: [options.total] },
    rowTotal: null,
    chart: { kind: days ? 'line' : 'bar', column: 'bookings' },
  }
}
const zh = (x: StatisticsTable) => statisticsSummary(x, suppression, 'zh-CN', t('zh-CN'))
const en = (x: StatisticsTable) => statisticsSummary(x, suppression, 'en', t('en'))

describe('the sentence under a chart', () => {
  it('names the largest row and its share of the city', () => {
    expect(zh(table([180, 700, 120], { total: 1000 }))).toBe('东丽区的报名最多，共 700，占全市的 70%。')
    expect(en(table([180, 700, 120], { total: 1000 }))).toBe('Dongli had the most bookings: 700, 70% of the city\'s total.')
  })

  it('adds the rows up for the share when there is no totals row and nothing is hidden', () => {
    expect(zh(table([100, 300, 100]))).toBe('东丽区的报名最多，共 300，占全市的 60%。')
  })

  it('speaks only of the figures shown when a hidden cell could be larger', () => {
    expect(zh(table([180, 'c', 120], { total: 1000 }))).toBe('在公布的数字中，和平区的报名最多，共 180。')
    expect(en(table([180, 'c', 120], { total: 1000 }))).toBe('Of the figures shown, Heping had the most bookings: 180.')
  })

  it('is sure of a largest count of 10 or more beside a "<10", and not of a smaller one', () => {
    expect(zh(table([12, '<10', 0], { total: '<10' }))).toBe('和平区的报名最多，共 12。')
    expect(zh(table([5, '<10', 0]))).toBe('在公布的数字中，和平区的报名最多，共 5。')
  })

  it('names every row that shares the largest value', () => {
    expect(zh(table([50, 50, 10], { total: 110 }))).toBe('和平区、东丽区的报名最多，共 50，占全市的 45%。')
    expect(en(table([50, 50, 10], { total: 110 }))).toBe('Heping and Dongli had the most bookings: 50, 45% of the city\'s total.')
  })

  it('says when nothing can be shown, and when everything is zero', () => {
    expect(zh(table(['<10', 'c', null]))).toBe('这张图里的数字都太小或被隐藏，不能公布。')
    expect(zh(table([0, 0, 0]))).toBe('这张图里的数字都是 0。')
    expect(en(table([null, null, null], { unit: 'percent' }))).toBe('No figures yet.')
    expect(zh({ ...table([1]), rows: [] })).toBe('还没有数字。')
  })

  it('names a cross-tabulation\'s total column as the total', () => {
    const cross = { ...table([60, 140, 0], { total: 200 }), columnDimension: { key: 'age-group', label: l('年龄段', 'Age group') } }
    expect(zh(cross)).toBe('东丽区的合计最多，共 140，占全市的 70%。')
    expect(en(cross)).toBe('Dongli had the most in total: 140, 70% of the city\'s total.')
  })

  it('reads rates as the highest, and days as the day with the most', () => {
    expect(zh(table([80, 92.5, 'c'], { unit: 'percent' }))).toBe('在公布的比例中，东丽区的到场率最高，为 92.5%。')
    expect(en(table([80, 92.5, 60], { unit: 'percent' }))).toBe('Dongli had the highest attendance rate: 92.5%.')
    expect(zh(table([10, 30, 20], { rows: 'day' }))).toBe('报名最多的一天是12月2日，共 30。')
  })
})
