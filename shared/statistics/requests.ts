import { z } from 'zod'
import { emptyToUndefined, optionalQuery } from '../primitives'

/** `?year=2025`; the year of the city's current week when absent. */
export const statisticsQuery = z.object({
  year: z.preprocess(emptyToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
})

/** `?year=…&bom=1`: a byte-order mark first, for Excel. */
export const statisticsCsvQuery = statisticsQuery.extend({
  bom: optionalQuery(z.enum(['0', '1'])),
})

/** `/api/statistics/<table>.csv`: a table id and the extension. */
export const statisticsFileParams = z.object({
  file: z.string().regex(/^[a-z][a-z0-9-]{0,80}\.csv$/, 'a table name ending in .csv'),
})
