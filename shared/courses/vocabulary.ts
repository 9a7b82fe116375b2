export { eventAudiences as courseAudiences } from '../events/vocabulary'
export type { EventAudience as CourseAudience } from '../events/vocabulary'
export { simulationNames, type SimulationName } from './simulations'

export const courseTopics = [
  'smartphone-basics', 'mobile-payment', 'health-online', 'government-online',
  'bills-online', 'travel-online', 'farm-produce-online', 'smart-home', 'staying-safe',
] as const
export const courseLevels = ['first-steps', 'next-steps'] as const
/** Cities a course or a step can be tagged for (server/city/seeds/<city>.json). */
export const courseCities = ['tianjin', 'huludao'] as const
