export { barChartSvg, type BarChartSpec, type ChartValue } from './bar-chart'
export { escapeXml } from './escape'
export { seriesStyles } from './patterns'
export { statisticsChartsSvg, tableChartSvg } from './table-chart'
