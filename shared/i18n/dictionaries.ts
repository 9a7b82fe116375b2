import aboutEn from './en/about.json'
import accountsEn from './en/accounts.json'
import casesOrganizerEn from './en/cases-organizer.json'
import casesEn from './en/cases.json'
import commonEn from './en/common.json'
import contestOrganizerEn from './en/contests-organizer.json'
import contestEn from './en/contests.json'
import coursesOrganizerEn from './en/courses-organizer.json'
import coursesSimEn from './en/courses-sim.json'
import coursesEn from './en/courses.json'
import eventsOrganizerEn from './en/events-organizer.json'
import eventsEn from './en/events.json'
import homeEn from './en/home.json'
import privacyEn from './en/privacy.json'
import quizOrganizerEn from './en/quizzes-organizer.json'
import quizEn from './en/quizzes.json'
import statisticsOrganizerEn from './en/statistics-organizer.json'
import statisticsEn from './en/statistics.json'
import verificationEn from './en/verification.json'
import venuesEn from './en/venues.json'
import aboutZh from './zh-CN/about.json'
import accountsZh from './zh-CN/accounts.json'
import casesOrganizerZh from './zh-CN/cases-organizer.json'
import casesZh from './zh-CN/cases.json'
import commonZh from './zh-CN/common.json'
import contestOrganizerZh from './zh-CN/contests-organizer.json'
import contestZh from './zh-CN/contests.json'
import coursesOrganizerZh from './zh-CN/courses-organizer.json'
import coursesSimZh from './zh-CN/courses-sim.json'
import coursesZh from './zh-CN/courses.json'
import eventsOrganizerZh from './zh-CN/events-organizer.json'
import eventsZh from './zh-CN/events.json'
import homeZh from './zh-CN/home.json'
import privacyZh from './zh-CN/privacy.json'
import quizOrganizerZh from './zh-CN/quizzes-organizer.json'
import quizZh from './zh-CN/quizzes.json'
import statisticsOrganizerZh from './zh-CN/statistics-organizer.json'
import statisticsZh from './zh-CN/statistics.json'
import verificationZh from './zh-CN/verification.json'
import venuesZh from './zh-CN/venues.json'
import type { Language } from './languages'
import type { Namespace } from './namespaces'

/**
 * Every dictionary, imported statically: for the server (which renders any page in
 * either language) and tests. The browser never imports this file; it loads one
 * dictionary at a time (app/plugins/i18n.ts).
 */
export const dictionaries: Record<Language, Record<Namespace, Record<string, unknown>>> = {
  'zh-CN': {
    'common': commonZh,
    'home': homeZh,
    'venues': venuesZh,
    'about': aboutZh,
    'events': eventsZh,
    'accounts': accountsZh,
    'events-organizer': eventsOrganizerZh,
    'verification': verificationZh,
    'privacy': privacyZh,
    'courses': coursesZh,
    'courses-sim': coursesSimZh,
    'courses-organizer': coursesOrganizerZh,
    'quizzes': quizZh,
    'quizzes-organizer': quizOrganizerZh,
    'contests': contestZh,
    'contests-organizer': contestOrganizerZh,
    'cases': casesZh,
    'cases-organizer': casesOrganizerZh,
    'statistics': statisticsZh,
    'statistics-organizer': statisticsOrganizerZh,
  },
  'en': {
    'common': commonEn,
    'home': homeEn,
    'venues': venuesEn,
    'about': aboutEn,
    'events': eventsEn,
    'accounts': accountsEn,
    'events-organizer': eventsOrganizerEn,
    'verification': verificationEn,
    'privacy': privacyEn,
    'courses': coursesEn,
    'courses-sim': coursesSimEn,
    'courses-organizer': coursesOrganizerEn,
    'quizzes': quizEn,
    'quizzes-organizer': quizOrganizerEn,
    'contests': contestEn,
    'contests-organizer': contestOrganizerEn,
    'cases': casesEn,
    'cases-organizer': casesOrganizerEn,
    'statistics': statisticsEn,
    'statistics-organizer': statisticsOrganizerEn,
  },
}
