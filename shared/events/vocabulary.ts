/** The plan's four areas of information consumption. */
export const eventCategories = ['daily-life', 'public-services', 'industry', 'new-products'] as const
/** The plan's names for the categories, which residents' pages no longer use: a spreadsheet written with them still imports. */
export const eventCategoryFormerNames: Record<typeof eventCategories[number], string[]> = {
  'daily-life': ['生活服务', '生活类', 'Daily life'],
  'public-services': ['公共服务', '公共服务类', 'Public services'],
  'industry': ['行业应用', '行业类', 'Industry'],
  'new-products': ['新型信息产品', '新型信息产品消费', 'New information products'],
}
export const eventAudiences = ['older-people', 'farmers', 'migrant-workers', 'students', 'everyone'] as const
export const eventFormats = ['onsite', 'online'] as const
export const eventStatuses = ['draft', 'published', 'cancelled'] as const
export const ageGroups = ['under-18', '18-39', '40-59', '60-69', '70-plus'] as const
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const
export const registrationSources = ['resident', 'walk-in', 'seed', 'assisted'] as const
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
