import { z } from 'zod'
import { chineseFirstText, codeSchema, instantSchema, mobileNumberSchema } from '../primitives'
import { contestTopics } from './content'
import { nicknameProblem } from './nickname'
import { contestTeamKinds, leaderboardModes } from './vocabulary'

const nicknameMessages = { digits: 'No long numbers (a phone number must not be shown)', link: 'No web addresses', rude: 'No rude words' } as const

/** A nickname shown on the leaderboard: 2–16 letters, digits, spaces or _ -, no number, address or insult in it (shared/contests/nickname.ts). */
export const nicknameSchema = z.string().trim().min(2).max(16)
  .regex(/^[\p{L}\p{N} _-]+$/u, { message: 'Letters, digits, spaces, _ and - only' })
  .superRefine((v, ctx) => {
    const problem = nicknameProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: nicknameMessages[problem] })
  })

// Chinese is enough (English optional; English pages show the Chinese, marked): as for events.
const teamInput = z.object({ code: codeSchema, name: chineseFirstText }).strict()

export const contestBody = z.object({
  slug: codeSchema,
  title: chineseFirstText,
  rules: chineseFirstText,
  opensAt: instantSchema,
  closesAt: instantSchema,
  questionsPerEntry: z.number().int().min(5).max(50),
  teamKind: z.enum(contestTeamKinds),
  /** Organisations or industries as teams; districts come from the city profile. */
  teams: z.array(teamInput).max(60).optional(),
  leaderboard: z.enum(leaderboardModes),
  topics: z.array(z.enum(contestTopics)).min(1),
  /**
   * Retired: contests no longer draw the anti-fraud quiz's items, whose answers the quiz publishes
   * (README, Knowledge contest). Still accepted from older clients; not stored, no effect.
   */
  withQuizItems: z.boolean().optional(),
}).strict().superRefine((b, ctx) => {
  if (b.closesAt <= b.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' })
  if (b.teamKind === 'organisation' && (b.teams?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['teams'], message: 'at least two teams' })
})
export type ContestBody = z.infer<typeof contestBody>

export const contestParams = z.object({ slug: codeSchema })
export const entryParams = z.object({ id: z.uuid() })
export const organizerContestParams = z.object({ id: z.uuid() })

export const entryBody = z.object({
  verificationToken: z.string().min(20).max(200),
  /** The number just verified, kept encrypted for prize contact only; it must match the token. */
  phone: mobileNumberSchema,
  team: codeSchema,
  nickname: nicknameSchema,
}).strict()

export const contestAnswerBody = z.object({
  itemId: codeSchema,
  answer: z.object({ option: z.number().int().min(0).max(3) }).strict(),
}).strict()

export const disqualifyBody = z.object({ reason: z.string().trim().min(5).max(300) }).strict()
/** From a plain form too: reveal arrives as the text "true" or "false". */
export const resultsCsvBody = z.object({ reveal: z.preprocess(v => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(), reason: z.string().trim().min(5).max(300).optional() })
  .strict().refine(b => !b.reveal || !!b.reason, { message: 'a reason is needed to reveal numbers', path: ['reason'] })
