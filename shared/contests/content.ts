import { z } from 'zod'
import { codeSchema } from '../primitives'

// Knowledge questions for the information knowledge contest (content/contest/README.md).
const both = <T extends z.ZodType>(item: T) => z.object({ zh: item, en: item }).strict()

export const contestTopics = ['safe-payment', 'personal-information', 'online-services', 'fraud'] as const
export type ContestTopic = typeof contestTopics[number]

export const knowledgeQuestionFile = z.object({
  id: codeSchema,
  topic: z.enum(contestTopics),
  question: both(z.string().trim().min(1).max(160)),
  options: z.array(both(z.string().trim().min(1).max(100))).min(3).max(4),
  answer: z.number().int().min(0),
  explain: both(z.string().trim().min(1).max(300)),
}).strict().refine(q => q.answer < q.options.length, { message: 'answer is not an index into options', path: ['answer'] })
export type KnowledgeQuestionFile = z.infer<typeof knowledgeQuestionFile>
