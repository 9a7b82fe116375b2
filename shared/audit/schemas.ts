import { z } from 'zod'
import { optionalQuery, pageOf, pageQuery, timestampSchema } from '../primitives'

export const auditListQuery = z.object({
  action: optionalQuery(z.string().regex(/^[a-z.-]{1,60}$/)),
  ...pageQuery(50, 100),
})

export const auditEntry = z.object({
  id: z.string(),
  at: timestampSchema,
  action: z.string(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntry = z.infer<typeof auditEntry>
export const auditPage = pageOf(auditEntry)
export type AuditPage = z.infer<typeof auditPage>
