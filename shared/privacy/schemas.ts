import { z } from 'zod'
import { timestampSchema } from '../primitives'
import { verificationTokenField } from '../verification/schemas'

/** POST /api/my-data and /api/my-data/erase: proof of the number from POST /api/verifications/confirm (purpose `my-data`), spent by the request. */
export const myDataBody = z.object({ verificationToken: verificationTokenField }).strict()

/** POST /api/my-data: every record held about the resident, by the feature that holds it. */
export const myDataExport = z.object({
  exportedAt: timestampSchema,
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
})
export type MyDataExport = z.infer<typeof myDataExport>

/** POST /api/my-data/erase: how many records each feature erased. */
export const myDataErased = z.object({ erased: z.record(z.string(), z.number().int()) })
export type MyDataErased = z.infer<typeof myDataErased>
