/** The plan's four areas of information consumption. */
export const eventCategories = ['daily-life', 'public-services', 'industry', 'new-products'] as const
export const eventAudiences = ['older-people', 'farmers', 'migrant-workers', 'students', 'everyone'] as const
export const eventFormats = ['onsite', 'online'] as const
export const eventStatuses = ['draft', 'published', 'cancelled'] as const
export const ageGroups = ['under-18', '18-39', '40-59', '60-69', '70-plus'] as const
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const
export const registrationSources = ['resident', 'walk-in', 'seed'] as const
/** How a person can book right now, said in words on every card. */
export const availabilities = ['open', 'few-left', 'waitlist', 'full', 'not-yet-open', 'closed', 'ended', 'cancelled'] as const

export type EventCategory = typeof eventCategories[number]
export type EventAudience = typeof eventAudiences[number]
export type EventFormat = typeof eventFormats[number]
export type EventStatus = typeof eventStatuses[number]
export type RegistrationStatus = typeof registrationStatuses[number]
export type Availability = typeof availabilities[number]
export type AgeGroup = typeof ageGroups[number]
export type RegistrationSource = typeof registrationSources[number]
