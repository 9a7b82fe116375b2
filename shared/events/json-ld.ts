import { pickText, type Language } from '../i18n/languages'
import type { EventDetailView } from './views'

/** What a page knows besides the event: its address, its picture, the city and who runs the week. */
export interface EventJsonLdContext {
  url: string
  image: string
  lang: Language
  city: { name: { zh: string, en: string } }
  /** The city's week (its organising office): the event's publisher. */
  publisher: { zh: string, en: string }
}

const SCHEMA = 'https://schema.org/'

/**
 * The event as schema.org JSON-LD (https://schema.org/Event), what search engines show as an event:
 * name, dates, status, in person or online, where (a Place with its address, or the page as a VirtualLocation),
 * free (an Offer of 0 CNY), the organiser and the picture.
 */
export function eventJsonLd(e: EventDetailView, c: EventJsonLdContext): Record<string, unknown> {
  const online = e.format === 'online' || !e.venue
  const cancelled = e.status === 'cancelled'
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${c.url}#event`,
    'name': pickText(e.title, c.lang),
    'description': pickText(e.summary, c.lang),
    'url': c.url,
    'image': [c.image],
    'inLanguage': c.lang,
    'startDate': e.startsAt,
    'endDate': e.endsAt,
    'eventStatus': `${SCHEMA}${cancelled ? 'EventCancelled' : 'EventScheduled'}`,
    'eventAttendanceMode': `${SCHEMA}${online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'}`,
    'location': online || !e.venue
      ? { '@type': 'VirtualLocation', 'url': c.url }
      : {
          '@type': 'Place',
          'name': pickText(e.venue.name, c.lang),
          'address': {
            '@type': 'PostalAddress',
            'streetAddress': pickText(e.venue.address, c.lang),
            'addressLocality': pickText(e.districtName, c.lang),
            'addressRegion': pickText(c.city.name, c.lang),
            'addressCountry': 'CN',
          },
        },
    'isAccessibleForFree': true,
    'offers': {
      '@type': 'Offer',
      'price': 0,
      'priceCurrency': 'CNY',
      'url': c.url,
      'validFrom': e.bookingOpensAt,
      'availability': `${SCHEMA}${cancelled || e.availability === 'full' ? 'SoldOut' : e.availability === 'closed' || e.availability === 'ended' ? 'Discontinued' : e.availability === 'not-yet-open' ? 'PreOrder' : 'InStock'}`,
    },
    'organizer': { '@type': 'Organization', 'name': pickText(e.organiser.name, c.lang) },
    'publisher': { '@type': 'Organization', 'name': pickText(c.publisher, c.lang) },
  }
}
