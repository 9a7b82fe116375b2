import { z } from 'zod'
import { mobileNumberSchema, timestampSchema } from '../primitives'

/**
 * What a verified number may be used for. Each feature that needs proof of a
 * number adds its purpose here; a token for one purpose is refused by another.
 */
export const verificationPurposes = ['my-data', 'contest-entry', 'case-submission', 'case-vote'] as const
export const verificationPurpose = z.enum(verificationPurposes)
export type VerificationPurpose = z.infer<typeof verificationPurpose>

/** How long a code and a token last, and how often a code may be tried. */
export const VERIFICATION_CODE_MINUTES = 10
export const VERIFICATION_TOKEN_MINUTES = 15
export const VERIFICATION_TRIES = 5

/** POST /api/verifications */
export const verificationRequestBody = z.object({
  phone: mobileNumberSchema,
  purpose: verificationPurpose,
}).strict()

/** The answer is the same whether or not the number was seen before. `demoCode` only in the demo (embedded database, record provider). */
export const verificationRequested = z.object({
  expiresAt: timestampSchema,
  demoCode: z.string().optional(),
})
export type VerificationRequested = z.infer<typeof verificationRequested>

/** POST /api/verifications/confirm */
export const verificationConfirmBody = verificationRequestBody.extend({
  code: z.string().trim().regex(/^\d{6}$/, { message: 'Enter the 6 digits from the text message' }),
}).strict()

export const verificationConfirmed = z.object({
  verificationToken: z.string(),
  expiresAt: timestampSchema,
})
export type VerificationConfirmed = z.infer<typeof verificationConfirmed>

/** A feature's own body field that carries the token. */
export const verificationTokenField = z.string().min(10).max(200)
