import { z } from 'zod'
import { localizedView, timestampSchema } from '../primitives'
import { contestTopics } from './content'
import { contestTeamKinds, leaderboardModes, contestStates } from './vocabulary'

/** A team as every view shows it: its code and name. */
export const contestTeam = z.object({ code: z.string(), name: localizedView })
export type ContestTeam = z.infer<typeof contestTeam>

export const contestView = z.object({
  slug: z.string(), title: localizedView, rules: localizedView, opensAt: timestampSchema, closesAt: timestampSchema,
  state: z.enum(contestStates), questionsPerEntry: z.number().int(), teamKind: z.enum(contestTeamKinds),
  teams: z.array(contestTeam), leaderboard: z.enum(leaderboardModes), entries: z.number().int(),
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
/** What a contest draws its questions from (stored as pool_json): the topics its organizer chose. */
export type ContestPool = Pick<OrganizerContestView, 'topics'>
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
/**
 * The organisation's contests, each with its id (the public view has none). `ids` repeats them in the same
 * order for clients written before the items carried them.
 */
export const organizerContestList = z.object({ items: z.array(contestView.extend({ id: z.string() })), ids: z.array(z.string()) })
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
