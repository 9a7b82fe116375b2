// test-clock: the dates below are row labels of a table drawn as given.
import { describe, expect, it } from 'vitest'
import { barChartSvg, statisticsChartsSvg, tableChartSvg } from '~~/server/statistics/charts'
import type { StatisticsTable } from '#shared/statistics/views'

const l = (zh: string, en: string) => ({ zh, en })
function districtTable(overrides: Partial<StatisticsTable> = {}): StatisticsTable {
  return {
    id: 'events-by-district',
    title: l('各区报名', 'Bookings by district'),
    description: l('说明', 'About'),
    rowDimension: { key: 'district', label: l('区', 'District') },
    columnDimension: { key: 'measure', label: l('指标', 'Measure') },
    columns: [{ key: 'bookings', label: l('报名', 'Bookings'), unit: 'count', exact: false }, { key: 'no_show_rate', label: l('未到率', 'No-show rate'), unit: 'percent', exact: false }],
    rows: [
      { key: 'heping', label: l('和平区', 'Heping'), cells: [1234, 12.5] },
      { key: 'dongli', label: l('东丽区', 'Dongli'), cells: ['<10', 'c'] },
      { key: 'jinnan', label: l('津南区', 'Jinnan'), cells: ['c', null] },
      { key: 'binhai', label: l('滨海新区', 'Binhai'), cells: [0, 0] },
    ],
    totals: { label: l('合计', 'Total'), cells: [1300, 11] },
    rowTotal: null,
    chart: { kind: 'bar', column: 'bookings' },
    ...overrides,
  }
}

/** The SVG parsed well enough to count its parts (no DOM in the unit suite). */
const count = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].length
const barWidths = (svg: string) => [...svg.matchAll(/<rect x="1" y="[^"]+" width="([\d.]+)%"/g)].map(m => Number(m[1]))

describe('the chart of a statistics table', () => {
  const svg = tableChartSvg(districtTable(), 'zh-CN')!

  it('is one accessible SVG that fills its container', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg).toContain('width="100%"')
    expect(svg).toMatch(/ height="[\d.]+em"/)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-labelledby="chart-events-by-district-title"')
    expect(svg).toContain('<title id="chart-events-by-district-title">各区报名</title>')
  })

  it('labels every row and writes every value, and labels the axis', () => {
    for (const label of ['和平区', '东丽区', '津南区', '滨海新区']) expect(svg).toContain(`>${label}</text>`)
    expect(svg).toContain('>1,234</text>')
    expect(svg).toContain('>0</text>')
    expect(svg).toMatch(/class="statistics-chart__axis".*>报名<\/text>/)
    // Ticks from zero to a round maximum at or above the largest value.
    expect(svg).toContain('>2,000</text>')
  })

  it('draws the bars with a pattern as well as a colour, outlined for print', () => {
    expect(svg).toMatch(/<pattern id="chart-events-by-district-p0" data-pattern="hatch"/)
    expect(svg).toMatch(/<rect x="1" y="[^"]+" width="61.7%" height="[^"]+" fill="url\(#chart-events-by-district-p0\)" stroke="#8c1c1c"/)
  })

  it('draws a suppressed or hidden cell as a labelled stub of fixed size, never as a length', () => {
    expect(count(svg, /class="statistics-chart__suppressed"/g)).toBe(2)
    expect(svg).toContain('>&lt;10</text>')
    expect(svg).toContain('>c</text>')
    const stubs = [...svg.matchAll(/class="statistics-chart__suppressed"><rect [^>]*width="([^"]+)"[^>]*fill="none"/g)].map(m => m[1])
    expect(new Set(stubs)).toEqual(new Set(['1em']))
    // Only the one real count is a bar; the zero has no bar; the markers have stubs.
    expect(barWidths(svg)).toEqual([61.7])
  })

  it('writes what does not apply as a dash, and percentages with their sign', () => {
    const rates = tableChartSvg(districtTable({ chart: { kind: 'bar', column: 'no_show_rate' } }), 'en')!
    expect(rates).toContain('>12.5%</text>')
    expect(rates).toContain('>—</text>')
    expect(rates).toContain('<title id="chart-events-by-district-title">Bookings by district</title>')
  })

  it('escapes every text it writes', () => {
    const nasty = districtTable({
      title: l('<script>alert(1)</script>', 'x'),
      rows: [{ key: 'x', label: l('A & B "quoted" <i>', 'x'), cells: [20, 1] }],
      columns: [{ key: 'bookings', label: l('</text><script>', 'x'), unit: 'count', exact: false }, { key: 'no_show_rate', label: l('r', 'r'), unit: 'percent', exact: false }],
    })
    const out = tableChartSvg(nasty, 'zh-CN')!
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<i>')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('A &amp; B &quot;quoted&quot; &lt;i&gt;')
    expect(out).toContain('&lt;/text&gt;&lt;script&gt;')
  })

  it('is not drawn for a table whose chart is "none", and refuses a column that is not there', () => {
    expect(tableChartSvg(districtTable({ chart: { kind: 'none', column: 'bookings' } }), 'zh-CN')).toBeNull()
    expect(() => tableChartSvg(districtTable({ chart: { kind: 'bar', column: 'nope' } }), 'zh-CN')).toThrow(/no column nope/)
  })

  it('keeps the rows\' order for days', () => {
    const days = districtTable({ chart: { kind: 'line', column: 'bookings' }, rows: [
      { key: '2026-12-01', label: l('12月1日', 'Dec 1'), cells: [10, 0] },
      { key: '2026-12-02', label: l('12月2日', 'Dec 2'), cells: [40, 0] },
      { key: '2026-12-03', label: l('12月3日', 'Dec 3'), cells: [20, 0] },
    ], rowDimension: { key: 'day', label: l('日期', 'Day') } })
    const out = tableChartSvg(days, 'zh-CN')!
    expect(out.indexOf('12月1日')).toBeLessThan(out.indexOf('12月2日'))
    expect(out.indexOf('12月2日')).toBeLessThan(out.indexOf('12月3日'))
    expect(barWidths(out)).toEqual([25, 100, 50])
    // A day labelled only with its ISO date is written as a date.
    const iso = tableChartSvg({ ...days, rows: [{ key: '2026-12-08', label: l('2026-12-08', '2026-12-08'), cells: [10, 0] }] }, 'zh-CN')!
    expect(iso).toContain('>12月8日周二</text>')
  })

  it('draws every drawn table of a view, by table id', () => {
    const table = districtTable()
    const section = { title: l('活动', 'Events'), headline: null, source: l('s', 's'), figures: [], tables: [table, { ...table, id: 'plain', chart: { kind: 'none' as const, column: 'bookings' } }] }
    expect(Object.keys(statisticsChartsSvg({ sections: { events: section } }, 'en'))).toEqual(['events-by-district'])
  })
})

describe('the bar chart', () => {
  const spec = { id: 'two', title: 'Two', categories: ['A', 'B'], axisLabel: 'People', unit: 'count' as const, format: String }

  it('gives each series its own pattern and a legend', () => {
    const svg = barChartSvg({ ...spec, series: [{ name: 'Booked', values: [10, 20] }, { name: 'Came', values: [5, { marker: '<10' }] }] })
    expect(count(svg, /<pattern /g)).toBe(2)
    expect(svg).toContain('data-pattern="hatch"')
    expect(svg).toContain('data-pattern="dots"')
    expect(svg).toContain('>Booked</text>')
    expect(svg).toContain('>Came</text>')
  })

  it('refuses an id that would break its references, and a negative or non-finite value', () => {
    expect(() => barChartSvg({ ...spec, id: 'a"b', series: [{ name: 's', values: [1, 2] }] })).toThrow(/id/)
    expect(() => barChartSvg({ ...spec, series: [{ name: 's', values: [-1, 2] }] })).toThrow(/≥ 0/)
    expect(() => barChartSvg({ ...spec, series: [{ name: 's', values: [Number.NaN, 2] }] })).toThrow(/≥ 0/)
  })

  it('writes a long bar\'s value inside its end, on a halo, and a short one after it', () => {
    const svg = barChartSvg({ ...spec, series: [{ name: 's', values: [100, 10] }] })
    expect(svg).toMatch(/<text class="statistics-chart__value" x="100%"[^>]* text-anchor="end" paint-order="stroke"[^>]*>100<\/text>/)
    expect(svg).toMatch(/<text class="statistics-chart__value" x="10%"[^>]* dx="0.35em"[^>]*>10<\/text>/)
  })
})
