import { pickText, type Language } from '../i18n/languages'
import type { CourseDetail } from './views'

export interface CourseJsonLdContext {
  url: string
  image: string
  lang: Language
  /** Who offers the course: the city's week (its organising office). */
  provider: { zh: string, en: string }
  /** The origin the linked classes' pages are under. */
  origin: string
}

/**
 * The course as schema.org JSON-LD (https://schema.org/Course): name, description and provider (the properties
 * search engines require), free, its length, and its instances: the course online at any time and each linked class in person.
 */
export function courseJsonLd(c: CourseDetail, x: CourseJsonLdContext): Record<string, unknown> {
  const provider = { '@type': 'Organization', 'name': pickText(x.provider, x.lang), 'url': x.origin }
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': `${x.url}#course`,
    'name': pickText(c.title, x.lang),
    'description': pickText(c.summary, x.lang),
    'url': x.url,
    'image': [x.image],
    'inLanguage': x.lang,
    'provider': provider,
    'isAccessibleForFree': true,
    'educationalLevel': c.level,
    'timeRequired': `PT${c.minutes}M`,
    'numberOfCredits': 0,
    'offers': { '@type': 'Offer', 'price': 0, 'priceCurrency': 'CNY', 'category': 'Free', 'url': x.url },
    'hasCourseInstance': [
      { '@type': 'CourseInstance', 'courseMode': 'online', 'courseWorkload': `PT${c.minutes}M`, 'url': x.url },
      ...c.upcomingEvents.map(e => ({
        '@type': 'CourseInstance',
        'courseMode': 'onsite',
        'name': pickText(e.title, x.lang),
        'startDate': e.startsAt,
        'url': `${x.origin}/events/${e.slug}`,
        'location': { '@type': 'Place', 'name': pickText(e.districtName, x.lang), 'address': { '@type': 'PostalAddress', 'addressLocality': pickText(e.districtName, x.lang), 'addressCountry': 'CN' } },
      })),
    ],
  }
}
