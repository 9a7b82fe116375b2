import { z } from 'zod'
import { languages } from '../i18n/languages'
import { statisticsQuery } from './requests'
import { adminStatisticsView, statisticsView } from './views'

/**
 * For the statistics pages only: the same view, with each drawn table's chart as SVG markup in one
 * language (drawn on the server, server/statistics/charts/), so the browser runs no chart code.
 * The open data (GET /api/statistics) stays free of markup.
 */
export const illustratedStatisticsQuery = statisticsQuery.extend({
  lang: z.enum(languages).default('zh-CN'),
})

const charts = z.record(z.string(), z.string()).describe('SVG markup of each drawn table, by table id')

export const illustratedStatisticsView = z.object({ statistics: statisticsView, charts })
export type IllustratedStatisticsView = z.infer<typeof illustratedStatisticsView>

export const illustratedAdminStatisticsView = z.object({ statistics: adminStatisticsView, charts })
export type IllustratedAdminStatisticsView = z.infer<typeof illustratedAdminStatisticsView>
