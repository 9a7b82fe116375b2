import { describe, expect, it } from 'vitest'
import { contentProblems, courseSources } from './content-files'

describe('course content (content/courses/)', () => {
  const courses = courseSources()

  it('has courses', () => {
    expect(courses.length).toBeGreaterThan(0)
  })

  it('is valid and complete in both languages, steps short, links working', () => {
    expect(contentProblems(courses)).toEqual([])
  })
})
