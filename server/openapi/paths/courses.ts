import { courseFiguresQuery } from '#shared/courses/figures'
import { activityBody, progressBody } from '#shared/courses/progress'
import { courseListQuery, courseQuery } from '#shared/courses/requests'
import { sharePictureQuery } from '#shared/events/requests'
import { type Paths, error, ok, file, body, query, slug, resumeCode, organizer } from '../components'

/** The courses routes (tag `courses`). */
export const coursesPaths: Paths = {
  '/api/courses': {
    get: {
      summary: 'Skills courses for the city (CITY), filtered by topic, audience and level',
      parameters: query(courseListQuery),
      responses: { 200: ok('CoursePage'), 400: error },
    },
  },
  '/api/courses/{slug}': {
    get: {
      summary: 'A course: what you will learn, its lessons (minutes, steps) and upcoming classes',
      parameters: [slug, ...query(courseQuery)],
      responses: { 200: ok('CourseDetail'), 400: error, 404: error },
    },
  },
  '/api/courses/{slug}/poster': {
    get: {
      summary: 'Where a course\'s poster leads: the page\'s absolute URL, the address to type, its QR code (SVG)',
      parameters: [slug],
      responses: { 200: ok('PosterLink'), 400: error, 404: error },
    },
  },
  '/api/courses/{slug}/share.png': {
    get: {
      summary: 'A course\'s poster as a share picture (PNG, 1080 px wide; Chinese unless `lang=en`)',
      parameters: [slug, ...query(sharePictureQuery)],
      responses: { 200: file('image/png'), 400: error, 404: error },
    },
  },
  '/api/courses/{slug}/lessons/{lesson}': {
    get: {
      summary: 'A lesson with all its steps (safe HTML, both languages), key points and check questions',
      parameters: [slug, { name: 'lesson', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: ok('Lesson'), 400: error, 404: error },
    },
  },
  '/api/progress': {
    post: {
      summary: 'A resume code (7 characters, no look-alikes) for anonymous course progress; forgotten after 180 days without use',
      requestBody: body(progressBody),
      responses: { 201: ok('Progress', 'Created'), 422: error, 429: error },
    },
  },
  '/api/progress/{code}': {
    get: {
      summary: 'The progress behind a resume code (using it keeps it another 180 days)',
      parameters: [resumeCode],
      responses: { 200: ok('Progress'), 400: error, 404: error, 429: error },
    },
    put: {
      summary: 'Record a step, or a finished lesson, behind a resume code',
      parameters: [resumeCode],
      requestBody: body(progressBody),
      responses: { 200: ok('Progress'), 400: error, 404: error, 422: error, 429: error },
    },
  },
  '/api/course-activity': {
    post: {
      summary: 'Count a lesson step reached or a lesson finished (anonymous counts, nothing about the learner)',
      requestBody: body(activityBody),
      responses: { 204: { description: 'Counted' }, 422: error, 429: error },
    },
  },
  '/api/organizer/courses/figures': {
    get: {
      summary: 'Anonymous lesson figures: starts, completions per day, the step where most stop',
      ...organizer,
      parameters: query(courseFiguresQuery),
      responses: { 200: ok('CourseFigures'), 400: error, 401: error, 403: error },
    },
  },
}
