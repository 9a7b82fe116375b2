import { z } from 'zod'
import { chineseFirstText, codeSchema, instantSchema, localizedView, mobileNumberSchema, timestampSchema } from '../primitives'
import { contestTopics } from './content'
import { nicknameProblem } from './nickname'

export const contestTeamKinds = ['district', 'organisation'] as const
export const leaderboardModes = ['live', 'after-close'] as const
export const contestStates = ['upcoming', 'open', 'closed'] as const
/** Below this many entries a team has no rank: its mean says too little. */
export const MIN_TEAM_ENTRIES = 10

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

const team = z.object({ code: z.string(), name: localizedView })

export const contestView = z.object({
  slug: z.string(), title: localizedView, rules: localizedView, opensAt: timestampSchema, closesAt: timestampSchema,
  state: z.enum(contestStates), questionsPerEntry: z.number().int(), teamKind: z.enum(contestTeamKinds),
  teams: z.array(team), leaderboard: z.enum(leaderboardModes), entries: z.number().int(),
})
export type ContestView = z.infer<typeof contestView>

/** A contest as its organizer edits it: the public view plus every saved setting the form shows. */
export const organizerContestView = contestView.extend({
  id: z.string(),
  topics: z.array(z.enum(contestTopics)),
  /** Once anyone has entered, what an entry holds can no longer change (PUT answers 409). */
  locked: z.boolean(),
})
export type OrganizerContestView = z.infer<typeof organizerContestView>
export const contestList = z.object({ items: z.array(contestView) })

/** An item as a participant sees it: a knowledge question with its options. No answer. */
export const contestItem = z.object({ id: z.string(), kind: z.literal('question'), question: localizedView, options: z.array(localizedView) })
export type ContestItem = z.infer<typeof contestItem>

export const entryState = z.object({
  entryId: z.string(), contest: z.string(), team: z.string(), nickname: z.string(), closesAt: timestampSchema,
  items: z.array(contestItem),
  answered: z.array(z.object({ itemId: z.string(), correct: z.boolean() })),
})
export type EntryState = z.infer<typeof entryState>

/** A new entry: the secret is given once; it is what answers the entry (header `x-entry-secret`). */
export const entryCreated = z.object({ entryId: z.string(), entrySecret: z.string(), items: z.array(contestItem) })
export type EntryCreated = z.infer<typeof entryCreated>
/** A contest an organizer created or changed. */
export const contestRef = z.object({ id: z.string(), slug: z.string() })
export type ContestRef = z.infer<typeof contestRef>
/** The organisation's contests, with their ids in the same order (the public view has none). */
export const organizerContestList = z.object({ items: z.array(contestView), ids: z.array(z.string()) })
export type OrganizerContestList = z.infer<typeof organizerContestList>

export const contestAnswerResult = z.object({ correct: z.boolean(), answer: z.number().int(), explain: localizedView })
export type ContestAnswerResult = z.infer<typeof contestAnswerResult>

export const leaderboardView = z.object({
  visible: z.boolean(),
  cityMean: z.number().nullable(),
  /** How many "average entries" each team's mean is pulled toward the city's mean with. */
  priorEntries: z.number().nullable(),
  teams: z.array(z.object({ code: z.string(), name: localizedView, entries: z.number().int(), mean: z.number().nullable(), score: z.number().nullable(), rank: z.number().int().nullable() })),
  individuals: z.array(z.object({ rank: z.number().int(), nickname: z.string(), team: z.string(), correct: z.number().int(), answered: z.number().int() })),
})
export type LeaderboardView = z.infer<typeof leaderboardView>

export const organizerEntries = z.object({
  items: z.array(z.object({ id: z.string(), nickname: z.string(), team: z.string(), phone: z.string(), correct: z.number().int(), answered: z.number().int(), createdAt: timestampSchema, disqualified: z.string().nullable() })),
})
export type OrganizerEntries = z.infer<typeof organizerEntries>
