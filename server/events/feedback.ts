import type { Kysely } from 'kysely'
import { courseTopics } from '#shared/courses/vocabulary'
import { maskNumbers, type FeedbackInput, type FeedbackResults } from '#shared/events/feedback'
import { newId, nowIso } from '~~/server/database/ids'
import type { Database } from '~~/server/database/schema'

export type FeedbackState = 'open' | 'answered' | 'not-checked-in'

/** Whether a booking may answer: only one that was checked in, and once. */
export async function feedbackState(db: Kysely<Database>, reg: { id: string, checked_in_at: string | null }): Promise<FeedbackState> {
  if (!reg.checked_in_at) return 'not-checked-in'
  const answered = await db.selectFrom('event_feedback').select('id').where('registration_id', '=', reg.id).executeTakeFirst()
  return answered ? 'answered' : 'open'
}

export class FeedbackTakenError extends Error {
  constructor() {
    super('This booking has answered already')
  }
}

/**
 * Keeps one answer: a resident's for their booking (the unique index refuses a second, whichever
 * instance it reaches), or a paper form typed in by staff. The comment is kept with its numbers masked.
 */
export async function saveFeedback(db: Kysely<Database>, input: FeedbackInput & { eventId: string, registrationId: string | null, source: 'resident' | 'paper', userId?: string | null }) {
  const comment = input.comment ? maskNumbers(input.comment) : null
  const id = newId()
  try {
    await db.insertInto('event_feedback').values({
      id, event_id: input.eventId, registration_id: input.registrationId, source: input.source, overall: input.overall, learned: input.learned,
      wants: input.wants.length ? `,${[...new Set(input.wants)].join(',')},` : '', comment: comment || null, created_by: input.userId ?? null, created_at: nowIso(),
    }).execute()
  }
  catch (error) {
    if (/unique|duplicate key/i.test(String((error as Error)?.message))) throw new FeedbackTakenError()
    throw error
  }
  return { id }
}

/** The event's answers counted for its organiser, with the comments (already masked), newest first. */
export async function feedbackResults(db: Kysely<Database>, eventId: string): Promise<FeedbackResults> {
  const rows = await db.selectFrom('event_feedback').select(['overall', 'learned', 'wants', 'comment', 'source', 'created_at'])
    .where('event_id', '=', eventId).orderBy('created_at', 'desc').execute()
  const overall = [0, 0, 0, 0, 0]
  const learned = { yes: 0, some: 0, no: 0 }
  const wants = new Map<string, number>()
  for (const r of rows) {
    overall[r.overall - 1]! += 1
    learned[r.learned] += 1
    for (const w of r.wants.split(',').filter(Boolean)) wants.set(w, (wants.get(w) ?? 0) + 1)
  }
  return {
    count: rows.length,
    paper: rows.filter(r => r.source === 'paper').length,
    overall,
    average: rows.length ? Math.round(rows.reduce((n, r) => n + r.overall, 0) / rows.length * 10) / 10 : null,
    learned,
    wants: courseTopics.filter(t => wants.has(t)).map(topic => ({ topic, count: wants.get(topic)! })).sort((a, b) => b.count - a.count),
    comments: rows.filter(r => r.comment).map(r => ({ text: r.comment!, overall: r.overall, source: r.source, createdAt: r.created_at })),
  }
}
