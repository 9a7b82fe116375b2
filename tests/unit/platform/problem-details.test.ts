import { describe, expect, it } from 'vitest'
import { problemDetails as problemSchema } from '#shared/platform/schemas'
import { problemDetails, wantsProblem } from '~~/server/errors/problem'
import { invalidFields, serviceUnavailable } from '~~/server/utils/errors'

describe('errors as RFC 9457 problem details', () => {
  it.each([
    ['application/problem+json', true],
    ['application/problem+json, application/json;q=0.9', true],
    ['application/json, application/problem+json', true],
    ['Application/Problem+JSON', true],
    ['application/json;q=1, application/problem+json;q=0.5', false],
    ['application/problem+json;q=0', false],
    ['application/json', false],
    ['text/html,application/xhtml+xml,*/*;q=0.8', false],
    ['*/*', false],
    [undefined, false],
  ])('Accept %s asks for problem details: %s', (accept, expected) => {
    expect(wantsProblem(accept)).toBe(expected)
  })

  it('carries type, title, status, detail, the path, and the field errors as an extension', () => {
    const problem = problemDetails(invalidFields({ partySize: ['At most 4'] }), '/api/events/x/registrations')
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Some fields are not valid',
      instance: '/api/events/x/registrations',
      fieldErrors: { partySize: ['At most 4'] },
    })
    expect(problemSchema.parse(problem)).toEqual(problem)
  })

  it('keeps a domain\'s reason and a 503\'s dependency and Retry-After, and no detail that only repeats the title', () => {
    expect(problemDetails({ statusCode: 409, message: 'The event is full', data: { reason: 'full' } })).toEqual({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The event is full', reason: 'full' })
    expect(problemDetails(serviceUnavailable('redis', 7))).toMatchObject({ status: 503, title: 'Service Unavailable', dependency: 'redis', retryAfter: 7 })
    expect(problemDetails({ statusCode: 404, message: 'Not Found' })).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 })
  })
})
