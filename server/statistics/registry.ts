import { assistedStatistics } from '~~/server/assisted/statistics'
import { caseStatistics } from '~~/server/cases/statistics'
import { contestStatistics } from '~~/server/contests/statistics'
import { courseStatistics } from '~~/server/courses/statistics'
import { feedbackStatistics } from '~~/server/events/feedback-statistics'
import { eventsStatistics } from '~~/server/events/statistics'
import { quizStatistics } from '~~/server/quizzes/statistics'
import type { SectionBuilder } from './context'

// Every domain's statistics section, as an explicit list (like privacy/purgers.ts:
// a bare side-effect import would be dropped by the bundler). A new domain writes
// its builder in its own folder (server/<domain>/statistics.ts) and adds it here.
export const statisticsSections: SectionBuilder[] = [eventsStatistics, courseStatistics, quizStatistics, contestStatistics, caseStatistics, feedbackStatistics, assistedStatistics]
