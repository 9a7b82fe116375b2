import { z } from 'zod'
import { codeSchema, optionalQuery } from '../primitives'
import { languages } from '../i18n/languages'

export const quizParams = z.object({ slug: codeSchema })
export const attemptParams = z.object({ id: z.uuid() })

/** First the judgement, then (for some items) the red flags tapped or the option chosen. */
export const answerBody = z.object({
  itemId: codeSchema,
  answer: z.union([
    z.object({ verdict: z.enum(['scam', 'genuine']) }).strict(),
    z.object({ flags: z.array(codeSchema).max(12) }).strict(),
    z.object({ option: z.number().int().min(0).max(3) }).strict(),
  ]),
}).strict()
export type AnswerBody = z.infer<typeof answerBody>

/** The paper version: the same seed gives the same items, so the question and answer sheets match. */
export const sheetQuery = z.object({ seed: optionalQuery(z.coerce.number().int().min(1).max(2_147_483_646)) })
export const retakeQuery = z.object({ lang: optionalQuery(z.enum(languages)) })
