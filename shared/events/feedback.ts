import { z } from 'zod'
import { confirmationCodeSchema, timestampSchema } from '../primitives'
import { courseTopics } from '../courses/vocabulary'

/** 1 (很不满意) to 5 (很满意), each shown with a face and words. */
export const feedbackScores = [1, 2, 3, 4, 5] as const
export const feedbackFaces: Record<number, string> = { 1: '😞', 2: '🙁', 3: '😐', 4: '🙂', 5: '😀' }
/** "学到了能用的东西吗": yes, a little, no. */
export const feedbackLearned = ['yes', 'some', 'no'] as const
export const FEEDBACK_COMMENT_MAX = 300

/**
 * The feedback form: at most five questions, one free comment. What to learn next is chosen from the
 * courses' topics, so the answers lead to classes.
 */
export const feedbackBody = z.object({
  overall: z.number().int().min(1).max(5),
  learned: z.enum(feedbackLearned),
  wants: z.array(z.enum(courseTopics)).max(courseTopics.length).default([]),
  comment: z.string().trim().max(FEEDBACK_COMMENT_MAX).optional(),
}).strict()
export type FeedbackInput = z.infer<typeof feedbackBody>

/** A paper form typed in by staff: the same answers, and the booking's code when the form carries one. */
export const paperFeedbackBody = feedbackBody.extend({ registrationCode: confirmationCodeSchema.optional() }).strict()

/** GET /api/tickets/:token/feedback: what the form needs, and whether this booking has answered. */
export const feedbackForm = z.object({
  event: z.object({ title: z.object({ zh: z.string(), en: z.string() }), startsAt: timestampSchema }),
  /** Only a booking that was checked in may answer; once. */
  state: z.enum(['open', 'answered', 'not-checked-in']),
})
export type FeedbackForm = z.infer<typeof feedbackForm>

/** GET /api/organizer/events/:id/feedback: the event's answers, counted; comments for organisers only, numbers masked. */
export const feedbackResults = z.object({
  count: z.number().int(),
  paper: z.number().int(),
  /** Answers per score, 1 to 5. */
  overall: z.array(z.number().int()).length(5),
  average: z.number().nullable(),
  learned: z.object({ yes: z.number().int(), some: z.number().int(), no: z.number().int() }),
  wants: z.array(z.object({ topic: z.enum(courseTopics), count: z.number().int() })),
  comments: z.array(z.object({ text: z.string(), overall: z.number().int(), source: z.enum(['resident', 'paper']), createdAt: timestampSchema })),
})
export type FeedbackResults = z.infer<typeof feedbackResults>

/**
 * A free comment with mobile numbers (11 digits from 1, spaces or dashes allowed, +86 too) and ID
 * numbers (18 characters, or the old 15 digits) masked out, so they are never stored.
 */
export function maskNumbers(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![\dA-Za-z])/g, '[身份证号]')
    .replace(/(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])/g, '[身份证号]')
    .replace(/(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g, '[手机号]')
}
