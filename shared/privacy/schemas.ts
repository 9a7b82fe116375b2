import { z } from 'zod'
import { timestampSchema } from '../primitives'

/** POST /api/my-data: every record held about the resident, by the feature that holds it. */
export const myDataExport = z.object({
  exportedAt: timestampSchema,
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
})
export type MyDataExport = z.infer<typeof myDataExport>

/** POST /api/my-data/erase: how many records each feature erased. */
export const myDataErased = z.object({ erased: z.record(z.string(), z.number().int()) })
export type MyDataErased = z.infer<typeof myDataErased>
