import i18next from 'i18next'
import type { CityProfile } from '#shared/city/profile'
import type { CourseCard } from '#shared/courses/views'
import type { EventView, PosterLink } from '#shared/events/views'
import { dictionaries } from '#shared/i18n/dictionaries'
import { languages, pickText, type Language } from '#shared/i18n/languages'
import { formatDate, formatDateRange, formatDateTime } from '#shared/utils/dates'
import type { ShareCard } from './share-picture'

const i18n = i18next.createInstance()
i18n.init({
  resources: Object.fromEntries(languages.map(lng => [lng, { translation: { ...dictionaries[lng].common, ...dictionaries[lng].events, ...dictionaries[lng].courses } }])),
  lng: 'zh-CN',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
})

type City = Pick<CityProfile, 'name' | 'contact'>

const frame = (city: City, lang: Language, ns: 'events' | 'courses', link: PosterLink) => {
  const t = i18n.getFixedT(lang)
  return {
    heading: t(`${ns}.poster.heading`, { city: pickText(city.name, lang) }),
    address: link.address,
    hotline: t(`${ns}.poster.hotline`, { phone: city.contact.phone }),
    qrSvg: link.qrSvg,
  }
}

export function eventShareCard(e: EventView, city: City, link: PosterLink, lang: Language): ShareCard {
  const t = i18n.getFixedT(lang)
  return {
    ...frame(city, lang, 'events', link),
    title: pickText(e.title, lang),
    lines: [
      `${t('events.when')}：${formatDateTime(e.startsAt, lang)}`,
      `${t('events.where')}：${e.venue ? pickText(e.venue.name, lang) : t('events.online')}`,
      `${t('events.poster.forWhom')}：${e.audience.map(a => t(`audiences.${a}`)).join(t('list.separator'))}`,
    ],
    badge: t('events.poster.free'),
    cta: t('events.poster.scan'),
  }
}

export function courseShareCard(c: CourseCard, city: City, link: PosterLink, lang: Language): ShareCard {
  const t = i18n.getFixedT(lang)
  return {
    ...frame(city, lang, 'courses', link),
    title: pickText(c.title, lang),
    lines: [
      pickText(c.summary, lang),
      t('courses.poster.length', { count: c.lessonCount, minutes: c.minutes }),
    ],
    badge: t('courses.poster.free'),
    cta: t('courses.poster.scan'),
  }
}

export function districtShareCard(districtName: string, events: EventView[], city: City, link: PosterLink, lang: Language): ShareCard {
  const t = i18n.getFixedT(lang)
  const lines = events.slice(0, 8).map(e => `${formatDate(e.startsAt, lang, { year: undefined, weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false })} ${pickText(e.title, lang)}`)
  return {
    ...frame(city, lang, 'events', link),
    title: t('events.poster.districtTitle', { district: districtName }),
    lines: lines.length ? lines : [t('events.poster.districtNone', { district: districtName })],
    badge: t('events.poster.free'),
    cta: t('events.poster.scanAll'),
  }
}

/** The city's week as a share picture: what a page without a picture of its own shows in a chat group. */
export function cityShareCard(city: City & Pick<CityProfile, 'week'>, link: PosterLink, lang: Language): ShareCard {
  const t = i18n.getFixedT(lang)
  return {
    ...frame(city, lang, 'events', link),
    title: pickText(city.week.theme, lang),
    lines: [formatDateRange(city.week.startsOn, city.week.endsOn, lang)],
    badge: t('events.poster.free'),
    cta: t('events.poster.scanAll'),
  }
}
