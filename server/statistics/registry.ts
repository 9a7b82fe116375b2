import { assistedStatistics } from '../assisted/statistics'
import { caseStatistics } from '../cases/statistics'
import { contestStatistics } from '../contest/statistics'
import { courseStatistics } from '../courses/statistics'
import { feedbackStatistics } from '../events/feedback-statistics'
import { eventsStatistics } from '../events/statistics'
import { quizStatistics } from '../quiz/statistics'
import type { SectionBuilder } from './context'

// Every domain's statistics section, as an explicit list (like privacy/purgers.ts:
// a bare side-effect import would be dropped by the bundler). A new domain writes
// its builder in its own folder (server/<domain>/statistics.ts) and adds it here.
export const statisticsSections: SectionBuilder[] = [eventsStatistics, courseStatistics, quizStatistics, contestStatistics, caseStatistics, feedbackStatistics, assistedStatistics]
