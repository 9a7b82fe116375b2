import { z } from 'zod'
import { codeSchema } from '../primitives'
import { fraudTypes, itemKinds, itemTypes, partRoles, screenKinds } from './vocabulary'

// The files editors write in content/quiz/ (content/quiz/README.md). The build and the unit tests
// validate them with these schemas, naming file and field.

const both = <T extends z.ZodType>(item: T) => z.object({ zh: item, en: item }).strict()
const line = z.string().trim().min(1).max(400)

const part = z.object({
  id: codeSchema,
  role: z.enum(partRoles),
  text: both(z.string().trim().min(1).max(300)),
  flag: both(z.string().trim().min(1).max(40)).optional(),
}).strict()

const screen = z.object({
  kind: z.enum(screenKinds),
  title: both(z.string().trim().min(1).max(60)),
  parts: z.array(part).min(1).max(12),
}).strict()

const option = z.object({ text: both(z.string().trim().min(1).max(120)) }).strict()

export const quizItemFile = z.object({
  id: codeSchema,
  type: z.enum(itemTypes),
  lookalike: z.enum(fraudTypes).optional(),
  kind: z.enum(itemKinds),
  screen,
  question: both(z.string().trim().min(1).max(120)).optional(),
  options: z.array(option).min(2).max(4).optional(),
  answer: z.number().int().min(0).optional(),
  explain: both(line),
  todo: both(line),
}).strict().superRefine((item, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (item.type === 'genuine' && !item.lookalike) issue('lookalike', 'a genuine item names the fraud type it looks like')
  if (item.type !== 'genuine' && item.lookalike) issue('lookalike', 'only genuine items have a look-alike type')
  const flags = item.screen.parts.filter(p => p.flag).length
  if (item.kind === 'flags' && item.type === 'genuine') issue('kind', 'a find-the-red-flags item is a scam')
  if (item.kind === 'flags' && flags < 2) issue('screen', 'a find-the-red-flags item has at least 2 parts with a flag')
  if (item.type === 'genuine' && flags > 0) issue('screen', 'a genuine item has no red flags')
  if (item.kind === 'action') {
    if (!item.question || !item.options || item.answer === undefined) issue('options', 'an action item has a question, options and an answer')
    else if (item.answer >= item.options.length) issue('answer', 'answer is not an index into options')
  }
  else if (item.question || item.options || item.answer !== undefined) issue('options', 'only action items have a question, options and an answer')
  const ids = item.screen.parts.map(p => p.id)
  if (new Set(ids).size !== ids.length) issue('screen', 'part ids repeat')
})
export type QuizItemFile = z.infer<typeof quizItemFile>

export const quizFile = z.object({
  slug: codeSchema,
  title: both(z.string().trim().min(1).max(60)),
  summary: both(line),
  audiences: z.array(z.string()).min(1),
  rule: z.object({
    scams: z.number().int().min(1).max(30),
    genuine: z.number().int().min(1).max(30),
    minTypes: z.number().int().min(1).max(16),
    types: z.array(z.enum(fraudTypes)).min(1).optional(),
    flags: z.number().int().min(0).max(10).default(0),
    actions: z.number().int().min(0).max(10).default(0),
  }).strict(),
}).strict()
export type QuizFile = z.infer<typeof quizFile>
