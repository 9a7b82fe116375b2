import { createEvent } from 'ics'
import { eventSlugParams } from '#shared/events/requests'
import { toEventDetail } from '../../../events/views'
import { findPublicEvent } from '../../../events/public'

/** The event as a calendar file (iCalendar), with a reminder the day before. */
export default defineEventHandler(async (event): Promise<string> => {
  const { slug } = await validParams(event, eventSlugParams)
  const e = toEventDetail(await findPublicEvent(slug))
  const { city } = await usePortal()
  const url = getRequestURL(event)
  const { error, value } = createEvent({
    uid: `${e.id}@${url.host}`,
    title: `${e.title.zh} / ${e.title.en}`,
    description: `${e.summary.zh}\n${e.summary.en}`,
    location: e.venue ? `${e.venue.name.zh} ${e.venue.address.zh}` : undefined,
    url: `${url.origin}/events/${e.slug}`,
    start: Date.parse(e.startsAt),
    end: Date.parse(e.endsAt),
    startInputType: 'utc',
    endInputType: 'utc',
    startOutputType: 'utc',
    endOutputType: 'utc',
    organizer: { name: e.organiser.name.zh },
    categories: [city.name.zh],
    status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    alarms: [{ action: 'display', description: e.title.zh, trigger: { days: 1, before: true } }],
  })
  if (error || !value) throw createError({ statusCode: 500, message: 'Could not make the calendar file' })
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${e.slug}.ics"`,
    'cache-control': 'public, max-age=300',
  })
  return value
})
