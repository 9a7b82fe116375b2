import { escapeXml, safeId } from './escape'
import { patternDef, styleOf } from './patterns'
import { niceMax, share } from './scale'

/** A drawn value: a number, or a marker for a cell that must not be drawn as a length. */
export type ChartValue = number | { marker: string } | null

export interface BarChartSpec {
  /** Unique on the page: the title's and the patterns' ids start with it. */
  id: string
  title: string
  /** One row per category, in the order given (days stay in date order). */
  categories: readonly string[]
  series: readonly { name: string, values: readonly ChartValue[] }[]
  /** Written under the axis: what the bars measure. */
  axisLabel: string
  /** The axis ends at 100 for percentages unless every value is far below. */
  unit: 'count' | 'percent'
  format: (value: number) => string
  /** Shown for a value that does not apply. */
  notApplicable?: string
}

// Every length is in em (or % across): the chart keeps the page's own text size, so it is as
// legible at 320 px as the paragraph above it and grows with elder mode; only the bars stretch.
const LABEL = 1.45
const BAR = 1.25
const BAR_GAP = 0.3
const GROUP_GAP = 0.75
const LEGEND = 1.7
const AXIS = 3.1
const STUB = 1
/** A bar longer than this share of the axis has its value written inside its end, on a halo. */
const INSIDE = 62

const em = (n: number) => `${Math.round(n * 100) / 100}em`
/** A smaller text's em is its own: its position, given in the chart's em, is scaled to it. */
const SMALL = 0.875
const smallEm = (n: number) => em(n / SMALL)

function valueText(x: number, y: number, text: string, inside: boolean): string {
  const place = inside ? ' dx="-0.35em" text-anchor="end" paint-order="stroke" stroke="#fff" stroke-width="0.3em" stroke-linejoin="round"' : ' dx="0.35em"'
  return `<text class="statistics-chart__value" x="${x}%" y="${em(y + BAR * 0.78)}"${place} font-weight="700" fill="currentColor">${escapeXml(text)}</text>`
}

function bar(value: ChartValue, max: number, y: number, fill: string, ink: string, spec: BarChartSpec): string {
  if (value === null) return `<text x="0" y="${em(y + BAR * 0.78)}" dx="0.35em" fill="currentColor">${escapeXml(spec.notApplicable ?? '—')}</text>`
  if (typeof value === 'object') {
    // A stub of fixed width, dashed and unfilled: its size says nothing about the count.
    return `<g class="statistics-chart__suppressed"><rect x="1" y="${em(y)}" width="${em(STUB)}" height="${em(BAR)}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 2"/>`
      + `<text x="${em(STUB)}" y="${em(y + BAR * 0.78)}" dx="0.4em" font-weight="700" fill="currentColor">${escapeXml(value.marker)}</text></g>`
  }
  const pct = share(value, max)
  const shape = value > 0 ? `<rect x="1" y="${em(y)}" width="${Math.max(pct, 0.3)}%" height="${em(BAR)}" fill="${fill}" stroke="${ink}" stroke-width="1.5"/>` : ''
  return shape + valueText(pct, y, spec.format(value), pct >= INSIDE)
}

/** Horizontal bars, one group per category (one bar per series), each category's label above its bars. */
export function barChartSvg(spec: BarChartSpec): string {
  const id = safeId(spec.id)
  const numbers = spec.series.flatMap(s => s.values.filter((v): v is number => typeof v === 'number'))
  for (const n of numbers) if (!Number.isFinite(n) || n < 0) throw new Error(`chart ${id}: a value must be a number ≥ 0, got ${n}`)
  const top = Math.max(0, ...numbers)
  const max = spec.unit === 'percent' && top > 40 ? 100 : niceMax(top)
  const styles = spec.series.map((_, i) => ({ ...styleOf(i), fill: `url(#${id}-p${i})` }))
  const parts: string[] = []
  let y = 0.2

  if (spec.series.length > 1) {
    spec.series.forEach((s, i) => {
      parts.push(`<rect x="1" y="${em(y + 0.25)}" width="${em(1.6)}" height="${em(1)}" fill="${styles[i]!.fill}" stroke="${styles[i]!.ink}" stroke-width="1.5"/>`
        + `<text x="${em(2)}" y="${em(y + 1.05)}" fill="currentColor">${escapeXml(s.name)}</text>`)
      y += LEGEND
    })
    y += 0.3
  }
  const plotTop = y
  spec.categories.forEach((category, row) => {
    // The halo keeps a long label legible where a gridline crosses it.
    parts.push(`<text class="statistics-chart__label" x="0" y="${em(y + 1.05)}" fill="currentColor" paint-order="stroke" stroke="#fff" stroke-width="0.3em" stroke-linejoin="round">${escapeXml(category)}</text>`)
    y += LABEL
    spec.series.forEach((s, i) => {
      parts.push(bar(s.values[row] ?? null, max, y, styles[i]!.fill, styles[i]!.ink, spec))
      y += BAR + BAR_GAP
    })
    y += GROUP_GAP
  })
  const axisY = y
  const grid = [50, 100].map(x => `<line x1="${x}%" x2="${x}%" y1="${em(plotTop)}" y2="${em(axisY)}" stroke="#6b6b6b" stroke-width="1" stroke-dasharray="2 3"/>`)
  const ticks = [[0, 'start'], [50, 'middle'], [100, 'end']].map(([x, anchor]) => `<text x="${x}%" y="${smallEm(axisY + 1.2)}" text-anchor="${anchor}" font-size="${SMALL}em" fill="currentColor">${escapeXml(spec.format((max * Number(x)) / 100))}</text>`)
  const axis = `<g class="statistics-chart__axis">`
    + `<line x1="0" x2="100%" y1="${em(axisY)}" y2="${em(axisY)}" stroke="currentColor" stroke-width="1.5"/>${ticks.join('')}`
    + `<text x="0" y="${smallEm(axisY + 2.65)}" font-size="${SMALL}em" fill="currentColor">${escapeXml(spec.axisLabel)}</text></g>`

  const defs = styles.map((s, i) => patternDef(`${id}-p${i}`, s)).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" class="statistics-chart" width="100%" height="${em(axisY + AXIS)}" role="img" aria-labelledby="${id}-title" focusable="false">`
    + `<title id="${id}-title">${escapeXml(spec.title)}</title><defs>${defs}</defs><g class="statistics-chart__grid">${grid.join('')}</g>${parts.join('')}${axis}</svg>`
}
