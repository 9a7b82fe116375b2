import { z } from 'zod'
import { localizedView } from '../primitives'
import { fraudTypes, partRoles, screenKinds } from './vocabulary'

export const quizCard = z.object({
  slug: z.string(),
  title: localizedView,
  summary: localizedView,
  audiences: z.array(z.string()),
  items: z.number().int(),
})
export type QuizCard = z.infer<typeof quizCard>
export const quizList = z.object({ items: z.array(quizCard) })

/** An item as the player sees it before answering: the screen, and nothing that gives the answer away. */
export const itemView = z.object({
  id: z.string(),
  screen: z.object({
    kind: z.enum(screenKinds),
    title: localizedView,
    parts: z.array(z.object({ id: z.string(), role: z.enum(partRoles), text: localizedView })),
  }),
})
export type ItemView = z.infer<typeof itemView>

export const attemptCreated = z.object({ attemptId: z.string(), quiz: z.string(), items: z.array(itemView) })
export type AttemptCreated = z.infer<typeof attemptCreated>

const flagView = z.object({ part: z.string(), name: localizedView, found: z.boolean().optional() })

/** What the server says after an answer. The explanation comes once the item is done. */
export const answerResult = z.object({
  correct: z.boolean(),
  feedback: z.object({
    isScam: z.boolean(),
    /** What the item asks next: tap the red flags, or choose what to do; null when it is done. */
    next: z.enum(['flags', 'action']).nullable(),
    question: localizedView.optional(),
    options: z.array(localizedView).optional(),
    answer: z.number().int().optional(),
    flags: z.array(flagView).optional(),
    falseTaps: z.number().int().optional(),
    explain: localizedView.optional(),
    todo: localizedView.optional(),
  }),
})
export type AnswerResult = z.infer<typeof answerResult>

export const attemptState = attemptCreated.extend({
  /** Items answered so far, with what the server said last, so a reload carries on. */
  answered: z.array(z.object({ itemId: z.string(), verdict: z.enum(['scam', 'genuine']), result: answerResult })),
})
export type AttemptState = z.infer<typeof attemptState>

export const attemptResult = z.object({
  quiz: z.string(),
  total: z.number().int(),
  answered: z.number().int(),
  hits: z.number().int(),
  misses: z.number().int(),
  falseAlarms: z.number().int(),
  correctRejections: z.number().int(),
  dPrime: z.number(),
  criterion: z.number(),
  leaning: z.enum(['trusting', 'suspicious', 'balanced']),
  flagsFound: z.number().int(),
  flagsTotal: z.number().int(),
  falseTaps: z.number().int(),
  /** Per fraud type met: scams shown and caught, and the lesson to review. */
  byType: z.array(z.object({ type: z.enum(fraudTypes), scams: z.number().int(), caught: z.number().int(), review: z.string() })),
})
export type AttemptResult = z.infer<typeof attemptResult>

/** The paper version: every item with its answer, for a class or a village station without screens. */
export const quizSheet = z.object({
  quiz: quizCard,
  seed: z.number().int(),
  items: z.array(itemView.extend({
    isScam: z.boolean(),
    flags: z.array(flagView),
    question: localizedView.nullable(),
    options: z.array(localizedView),
    answer: z.number().int().nullable(),
    explain: localizedView,
    todo: localizedView,
  })),
})
export type QuizSheet = z.infer<typeof quizSheet>

/** Aggregates for organizers: which scams residents miss most, and which genuine messages they distrust. */
export const quizFigures = z.object({
  attempts: z.number().int(),
  /** d′ and c over every answer given (scams as the signal, log-linear correction): for teachers and organisers, not residents. */
  overall: z.object({ dPrime: z.number(), criterion: z.number(), leaning: z.enum(['trusting', 'suspicious', 'balanced']) }).nullable(),
  byType: z.array(z.object({ type: z.enum(fraudTypes), shown: z.number().int(), catchRate: z.number().nullable(), genuineShown: z.number().int(), falseAlarmRate: z.number().nullable() })),
  byItem: z.array(z.object({ id: z.string(), type: z.string(), shown: z.number().int(), correctRate: z.number().nullable() })),
})
export type QuizFigures = z.infer<typeof quizFigures>
