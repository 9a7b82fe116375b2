/**
 * Every page the browser suite checks (accessibility, elder mode, small screens).
 * pages-coverage.test.ts fails when a file under app/pages/ has no entry here,
 * so a new page cannot ship unchecked.
 */
export interface CheckedPage {
  /** Path (with query, if any) to open; ":ticket" and ":organizerEvent" stand for a real ticket token and event id. */
  path: string
  /** Short human name used in test titles. */
  name: string
  /** The HTTP status the server should answer with. */
  status: number
  /** Signed in as this demo account (see server/accounts/demo.ts); anonymous when absent. */
  signIn?: 'admin' | 'organizer' | 'reviewer' | 'helper'
}

export const pages: CheckedPage[] = [
  { path: '/', name: 'home', status: 200 },
  { path: '/venues', name: 'venues', status: 200 },
  { path: '/venues?district=heping', name: 'venues filtered by district', status: 200 },
  { path: '/about', name: 'about', status: 200 },
  { path: '/events', name: 'events', status: 200 },
  { path: '/events?district=heping&category=daily-life', name: 'events filtered', status: 200 },
  { path: '/events/heping-mobile-payment-for-seniors', name: 'event detail with booking form', status: 200 },
  { path: '/events/heping-mobile-payment-for-seniors/poster', name: 'an event\'s printable poster', status: 200 },
  { path: '/events/poster?district=heping', name: 'a district\'s poster of its events this week', status: 200 },
  { path: '/events/no-such-event/poster', name: 'poster of an event not found', status: 404 },
  { path: '/courses', name: 'courses', status: 200 },
  { path: '/courses?topic=mobile-payment&level=first-steps', name: 'courses filtered', status: 200 },
  { path: '/courses/pay-by-phone-safely', name: 'course with handout', status: 200 },
  { path: '/courses/pay-by-phone-safely/poster', name: 'a course\'s printable poster', status: 200 },
  { path: '/courses/pay-by-phone-safely/scan-to-pay/1', name: 'lesson step', status: 200 },
  { path: '/courses/pay-by-phone-safely/scan-to-pay/5', name: 'lesson step with a simulated screen', status: 200 },
  { path: '/courses/pay-by-phone-safely/scan-to-pay/summary?q1=0', name: 'lesson summary and check, one answered', status: 200 },
  { path: '/courses/no-such-course', name: 'course not found', status: 404 },
  { path: '/courses/pay-by-phone-safely/certificate', name: 'course certificate (lessons still to do)', status: 200 },
  { path: '/courses/resume', name: 'resume code form', status: 200 },
  { path: '/courses/resume?code=ACE4FGH', name: 'resume code not found', status: 200 },
  { path: '/quiz', name: 'anti-fraud quizzes', status: 200 },
  { path: '/quiz/elder-anti-fraud', name: 'a quiz', status: 200 },
  { path: '/quiz/elder-anti-fraud/play', name: 'quiz player', status: 200 },
  { path: '/quiz/elder-anti-fraud/print?seed=42', name: 'quiz paper version', status: 200 },
  // ":quizAttempt" is replaced by the id of an attempt the suite answers first.
  { path: '/quiz/elder-anti-fraud/result/:quizAttempt', name: 'quiz result', status: 200 },
  { path: '/quiz/no-such-quiz', name: 'quiz not found', status: 404 },
  { path: '/contests', name: 'knowledge contests', status: 200 },
  { path: '/contests/week-knowledge-contest', name: 'an open contest (rules, entry, leaderboard)', status: 200 },
  { path: '/contests/last-year-contest', name: 'a closed contest with its result', status: 200 },
  // ":contestEntry" is replaced by the id of an entry the suite makes first.
  { path: '/contests/week-knowledge-contest/play/:contestEntry', name: 'contest questions', status: 200 },
  { path: '/contests/no-such-contest', name: 'contest not found', status: 404 },
  { path: '/cases', name: 'excellent cases: calls and gallery', status: 200 },
  { path: '/cases?theme=public-services&year=2024', name: 'excellent cases filtered', status: 200 },
  // ":caseSlug" is an awarded demo case of the past call, with pictures.
  { path: '/cases/:caseSlug', name: 'a case (pictures, results, vote, report)', status: 200 },
  { path: '/cases/no-such-case', name: 'case not found', status: 404 },
  { path: '/cases/calls/week-case-call', name: 'an open call for cases (rules, weights, formula)', status: 200 },
  { path: '/cases/calls/last-year-case-call', name: 'a past call with its ranking', status: 200 },
  { path: '/cases/calls/last-year-case-call/book', name: 'the printable book of excellent cases', status: 200 },
  { path: '/cases/calls/week-case-call/submit', name: 'entering a case: verify the number', status: 200 },
  { path: '/cases/calls/no-such-call', name: 'call for cases not found', status: 404 },
  // ":caseSubmission" is "<id>?code=<edit code>" of a draft the suite makes first.
  { path: '/cases/submissions/:caseSubmission', name: 'a submitter\'s draft (status and form)', status: 200 },
  { path: '/cases/submissions/00000000-0000-4000-8000-000000000000', name: 'a submission: type the edit code', status: 200 },
  { path: '/my-bookings', name: 'my bookings', status: 200 },
  { path: '/my-data', name: 'my personal data', status: 200 },
  // ":ticket" is replaced by the token of a booking the suite makes first.
  { path: '/tickets/:ticket', name: 'ticket', status: 200 },
  { path: '/tickets/:ticket?new=1', name: 'ticket right after booking', status: 200 },
  { path: '/release/:ticket', name: 'release link from the reminder', status: 200 },
  { path: '/tickets/no-such-ticket', name: 'ticket not found', status: 404 },
  { path: '/no-such-page', name: '404 error page', status: 404 },
  { path: '/login', name: 'sign-in', status: 200 },
  { path: '/feedback/:ticket', name: 'feedback after an event (a ticket\'s link)', status: 200 },
  { path: '/feedback/not-a-token', name: 'feedback with a link that is not genuine', status: 404 },
  { path: '/organizer', name: 'organizer home', status: 200, signIn: 'organizer' },
  { path: '/organizer/password', name: 'change password', status: 200, signIn: 'organizer' },
  { path: '/organizer/events', name: 'organizer: events', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/new', name: 'organizer: new event', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/import', name: 'organizer: import events', status: 200, signIn: 'organizer' },
  { path: '/organizer/venues/new', name: 'organizer: new venue', status: 200, signIn: 'organizer' },
  { path: '/organizer/courses', name: 'organizer: learning figures', status: 200, signIn: 'organizer' },
  { path: '/organizer/quiz', name: 'organizer: quiz figures', status: 200, signIn: 'organizer' },
  { path: '/organizer/contests', name: 'organizer: contests', status: 200, signIn: 'admin' },
  { path: '/organizer/contests/:organizerContest', name: 'organizer: a contest\'s entries and settings', status: 200, signIn: 'admin' },
  // ":organizerEvent" is replaced by the id of one of the demo organizer's events.
  { path: '/organizer/events/:organizerEvent/edit', name: 'organizer: edit event', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/:organizerEvent/attendees', name: 'organizer: attendees', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/:organizerEvent/feedback-form', name: 'organizer: the paper feedback form to print', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/:organizerEvent/check-in', name: 'organizer: check-in', status: 200, signIn: 'organizer' },
  { path: '/organizer/events/00000000-0000-4000-8000-000000000000/edit', name: 'organizer: edit unknown event', status: 404, signIn: 'organizer' },
  { path: '/admin/users', name: 'admin: users', status: 200, signIn: 'admin' },
  { path: '/admin/audit', name: 'admin: audit log', status: 200, signIn: 'admin' },
  { path: '/statistics', name: 'statistics', status: 200 },
  { path: '/statistics?year=2001', name: 'statistics for a year with no figures', status: 404 },
  { path: '/admin/statistics', name: 'admin: statistics', status: 200, signIn: 'admin' },
  { path: '/admin/statistics/report', name: 'admin: the week\'s monitoring report', status: 200, signIn: 'admin' },
  { path: '/organizer', name: 'organizer home for a reviewer', status: 200, signIn: 'reviewer' },
  { path: '/organizer/cases', name: 'reviewer: my cases', status: 200, signIn: 'reviewer' },
  // ":reviewerCase" is a demo case assigned to reviewer@demo.local (one still to review, if any).
  { path: '/organizer/cases/:reviewerCase', name: 'reviewer: a case and the review form', status: 200, signIn: 'reviewer' },
  { path: '/organizer/cases/conflicts', name: 'reviewer: organisations tied to', status: 200, signIn: 'reviewer' },
  { path: '/admin/cases', name: 'admin: calls and submitted cases', status: 200, signIn: 'admin' },
  { path: '/admin/cases?call=week-case-call&status=published', name: 'admin: cases filtered', status: 200, signIn: 'admin' },
  { path: '/admin/cases/calls/new', name: 'admin: new call for cases', status: 200, signIn: 'admin' },
  // ":adminCaseCall" and ":adminCase" are the first demo call and case in the admins' lists.
  { path: '/admin/cases/calls/:adminCaseCall', name: 'admin: a call for cases', status: 200, signIn: 'admin' },
  { path: '/admin/cases/:adminCase', name: 'admin: a case with its reviews', status: 200, signIn: 'admin' },
  { path: '/organizer/assisted', name: 'helper: find an event, this week, bookings made', status: 200, signIn: 'helper' },
  { path: '/organizer/assisted/book/heping-mobile-payment-for-seniors', name: 'helper: book for a resident with consent', status: 200, signIn: 'helper' },
  // ":assistedSlip" is a booking the suite makes as helper@demo.local for a resident without a phone.
  { path: '/organizer/assisted/slips/:assistedSlip', name: 'helper: the printable ticket slip', status: 200, signIn: 'helper' },
  { path: '/organizer/events', name: 'helper: organiser pages are not theirs', status: 403, signIn: 'helper' },
]

export const pagePaths: string[] = pages.map(p => p.path)
