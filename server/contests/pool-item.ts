import type { ContestTopic } from '#shared/contests/content'
import type { ContestItem } from '#shared/contests/views'
import type { LocalizedText } from '#shared/primitives'

/** What the server keeps of an item to check an answer: never sent before the answer. */
export interface PoolItem { view: ContestItem, answer: number, explain: LocalizedText, topic: ContestTopic }
