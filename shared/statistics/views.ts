/**
 * The statistics API's shapes (GET /api/statistics, GET /api/admin/statistics,
 * GET /api/statistics/datapackage.json). Every figure drawn from residents'
 * records arrives here already published by the disclosure rule
 * (shared/statistics/perturbation.ts): public counts exactly, protected counts
 * with their cell's change; exact protected counts never leave the server, not even for admins.
 *
 * Fields:
 * - `generatedAt`  when the figures were computed (ISO 8601, UTC): the day's snapshot.
 * - `suppression`  the rule: `threshold` 10; `marker` '<10' is a protected count
 *                  whose changed value is below 10 (a 0 included); `hiddenMarker` 'c'
 *                  is a rate withheld; `maxChange` the most a protected count is
 *                  changed either way; `rule` says it all in both languages, for
 *                  the page, the report and the data package.
 * - `year`         the year shown; `years` every year with data (newest first), for a picker.
 * - `period`       the days counted (YYYY-MM-DD, Asia/Shanghai, both included): the
 *                  calendar year, i.e. that year's experience week with its warm-up
 *                  events and the year's lessons, quizzes and contests; `week` the
 *                  city's experience week when it falls in that year (earlier
 *                  years' week dates are not kept), else null.
 * - `sections`     one per domain that has landed (events always; courses,
 *                  quizzes, contests, cases, feedback, assisted when registered), never an empty placeholder.
 *
 * A section: `title`, `headline` (one sentence, the section's main finding, or
 * null), `source` (where the figures come from, for the report), `figures`
 * (headline numbers), `tables`.
 *
 * A figure: `id`, `label`, `value` (a cell, see below), `unit`.
 *
 * A table (also one CSV of the data package, named by `id`):
 * - `id`             stable across years: `events-by-district` → /api/statistics/events-by-district.csv
 * - `title`, `description`
 * - `rowDimension`   what the rows are (`key` is the CSV's first field: 'district', 'day', …)
 * - `columnDimension` what the columns are: 'measure' when each column is a
 *                    different figure (bookings, places…), or a second dimension
 *                    ('age-group') when the table is a cross-tabulation
 * - `columns`        `key` (the CSV field name, snake_case), `label`, `unit`
 *                    ('count' or 'percent', 0–100 with one decimal), `exact`
 *                    (every cell as counted; false: protected counts, changed)
 * - `rows`           `key` (a code: district code, YYYY-MM-DD, fraud type…),
 *                    `label`, `cells` (one per column, in the columns' order)
 * - `totals`         the totals row (key 'total' in the CSV), or null when the
 *                    rows do not add up to anything meaningful; a percent
 *                    column's total is the overall rate. Protected totals have
 *                    their own change, so they need not equal the sum of the rows.
 * - `rowTotal`       the column key that is the sum of the other count columns
 *                    of its row (a cross-tab's "all" column), or null
 * - `chart`          how to draw it: `kind` 'bar' (horizontal bars, one per row),
 *                    'line' (rows in order, e.g. days) or 'none'; `column` the
 *                    column drawn. The page writes the one-sentence summary
 *                    from the drawn column's visible cells.
 *
 * A cell: a number, '<10' (a protected count shown below 10), 'c' (a rate
 * withheld) or null (does not apply: a rate with nothing to divide by).
 */
import { z } from 'zod'
import { localizedView, timestampSchema } from '../primitives'

/** The largest change a protected count gets (perturbation.ts keeps its table; here for the schema). */
export const MAX_CHANGE = 3
export const SUPPRESSION_THRESHOLD = 10
export const SMALL_MARKER = '<10'
export const HIDDEN_MARKER = 'c'

export const statisticsCell = z.union([z.number(), z.literal(SMALL_MARKER), z.literal(HIDDEN_MARKER), z.null()])
export type StatisticsCell = z.infer<typeof statisticsCell>

export const statisticsUnits = ['count', 'percent'] as const
export type StatisticsUnit = typeof statisticsUnits[number]

export const statisticsDimension = z.object({ key: z.string(), label: localizedView })

export const statisticsColumn = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: localizedView,
  unit: z.enum(statisticsUnits),
  /** Every cell published as counted (not about residents, or public elsewhere); false: protected counts, each changed by up to `maxChange`. */
  exact: z.boolean(),
  /** In a protected column, the rows whose counts are public elsewhere and so shown exactly (a contest's teams once its leaderboard is out). */
  exactRows: z.array(z.string()).optional(),
})
export type StatisticsColumn = z.infer<typeof statisticsColumn>

export const statisticsRow = z.object({ key: z.string(), label: localizedView, cells: z.array(statisticsCell) })
export type StatisticsRow = z.infer<typeof statisticsRow>

export const statisticsTable = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: localizedView,
  description: localizedView,
  rowDimension: statisticsDimension,
  columnDimension: statisticsDimension,
  columns: z.array(statisticsColumn),
  rows: z.array(statisticsRow),
  totals: z.object({ label: localizedView, cells: z.array(statisticsCell) }).nullable(),
  rowTotal: z.string().nullable(),
  chart: z.object({ kind: z.enum(['bar', 'line', 'none']), column: z.string() }),
})
export type StatisticsTable = z.infer<typeof statisticsTable>

export const statisticsFigure = z.object({
  id: z.string(),
  label: localizedView,
  value: statisticsCell,
  unit: z.enum(statisticsUnits),
})
export type StatisticsFigure = z.infer<typeof statisticsFigure>

export const statisticsSection = z.object({
  title: localizedView,
  headline: localizedView.nullable(),
  source: localizedView,
  figures: z.array(statisticsFigure),
  tables: z.array(statisticsTable),
})
export type StatisticsSection = z.infer<typeof statisticsSection>

export const statisticsSectionKeys = ['events', 'courses', 'quizzes', 'contests', 'cases', 'feedback', 'assisted'] as const
export type StatisticsSectionKey = typeof statisticsSectionKeys[number]

export const suppressionView = z.object({
  threshold: z.literal(SUPPRESSION_THRESHOLD),
  marker: z.literal(SMALL_MARKER),
  hiddenMarker: z.literal(HIDDEN_MARKER),
  maxChange: z.literal(MAX_CHANGE),
  rule: localizedView,
})

export const statisticsView = z.object({
  generatedAt: timestampSchema,
  suppression: suppressionView,
  year: z.number().int(),
  years: z.array(z.number().int()),
  period: z.object({ from: z.string(), to: z.string(), week: z.object({ startsOn: z.string(), endsOn: z.string() }).nullable() }),
  sections: z.object({
    events: statisticsSection,
    courses: statisticsSection.optional(),
    quizzes: statisticsSection.optional(),
    contests: statisticsSection.optional(),
    cases: statisticsSection.optional(),
    /** Residents' feedback after events (the week's evaluation). */
    feedback: statisticsSection.optional(),
    /** Bookings helpers (协助人员) made for residents, with their consent. */
    assisted: statisticsSection.optional(),
  }),
})
export type StatisticsView = z.infer<typeof statisticsView>

/** The admin view: the same safe figures, plus operational tables (events close to full, many no-shows, notification failures), suppressed the same way. */
export const adminStatisticsView = statisticsView.extend({ operational: statisticsSection })
export type AdminStatisticsView = z.infer<typeof adminStatisticsView>

const tableSchemaField = z.object({
  name: z.string(),
  title: z.string().optional(),
  type: z.enum(['string', 'integer', 'number', 'date']),
  description: z.string(),
  constraints: z.object({ required: z.boolean().optional(), minimum: z.number().optional() }).optional(),
})

/** A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) of the tables as CSVs. */
export const dataPackageView = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string(),
  id: z.string(),
  title: z.string(),
  description: z.string(),
  version: z.string(),
  created: timestampSchema,
  homepage: z.string(),
  licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })),
  sources: z.array(z.object({ title: z.string(), path: z.string().optional() })),
  keywords: z.array(z.string()),
  resources: z.array(z.object({
    profile: z.literal('tabular-data-resource'),
    name: z.string(),
    path: z.string(),
    title: z.string(),
    description: z.string(),
    format: z.literal('csv'),
    mediatype: z.literal('text/csv'),
    encoding: z.literal('utf-8'),
    dialect: z.object({ delimiter: z.literal(','), header: z.literal(true), doubleQuote: z.literal(true) }),
    schema: z.object({
      fields: z.array(tableSchemaField),
      missingValues: z.array(z.string()),
      primaryKey: z.array(z.string()),
    }),
  })),
})
export type DataPackageView = z.infer<typeof dataPackageView>
