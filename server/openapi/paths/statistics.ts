import { statisticsCsvQuery, statisticsQuery } from '#shared/statistics/requests'
import { illustratedStatisticsQuery } from '#shared/statistics/illustrated'
import { type Paths, error, ok, file, query, organizer } from '../components'

/** The statistics routes (tag `statistics`). */
export const statisticsPaths: Paths = {
  '/api/statistics': {
    get: {
      summary: 'Participation statistics for a year (the current one by default): every count from residents\' records suppressed (1–9 as "<10", secondary cells as "c"); 404 for a year without records',
      parameters: query(statisticsQuery),
      responses: { 200: ok('Statistics'), 400: error, 404: error },
    },
  },
  '/api/statistics/illustrated': {
    get: {
      summary: 'For the /statistics page: the same view with each drawn table\'s chart as SVG markup in `lang`, drawn on the server so the page runs no chart code',
      parameters: query(illustratedStatisticsQuery),
      responses: { 200: ok('IllustratedStatistics'), 400: error, 404: error },
    },
  },
  '/api/statistics/datapackage.zip': {
    get: {
      summary: 'The data package as one zip: datapackage.json with relative paths and every CSV beside it',
      parameters: query(statisticsQuery),
      responses: { 200: file('application/zip'), 400: error, 404: error },
    },
  },
  '/api/statistics/datapackage.json': {
    get: {
      summary: 'Open data (CC BY 4.0): the year\'s tables as a Frictionless Data Package, each CSV with its Table Schema',
      parameters: query(statisticsQuery),
      responses: { 200: ok('StatisticsDataPackage'), 400: error, 404: error },
    },
  },
  '/api/statistics/{file}': {
    get: {
      summary: 'One table of the data package as CSV (`<table>.csv`): UTF-8, formula-safe; bom=1 adds a byte-order mark for Excel',
      parameters: [
        { name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}\\.csv$' } },
        ...query(statisticsCsvQuery),
      ],
      responses: { 200: file('text/csv'), 400: error, 404: error },
    },
  },
  '/api/admin/statistics': {
    get: {
      summary: 'Admin: the same protected figures plus operational ones (events close to full, many no-shows, messages that failed)',
      ...organizer,
      parameters: query(statisticsQuery),
      responses: { 200: ok('AdminStatistics'), 400: error, 401: error, 403: error, 404: error },
    },
  },
  '/api/admin/statistics/illustrated': {
    get: {
      summary: 'Admin: for /admin/statistics and its printed report, the admin view with each chart as SVG markup in `lang`',
      ...organizer,
      parameters: query(illustratedStatisticsQuery),
      responses: { 200: ok('IllustratedAdminStatistics'), 400: error, 401: error, 403: error, 404: error },
    },
  },
}
