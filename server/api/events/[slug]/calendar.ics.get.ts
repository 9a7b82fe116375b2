import { eventCalendarRoute } from '~~/server/events/calendar-route'

/** The event as a calendar file (iCalendar) in the resident's language, with a reminder the day before. */
export default defineEventHandler((event): Promise<string> => eventCalendarRoute(event))
