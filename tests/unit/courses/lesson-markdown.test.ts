import { describe, expect, it } from 'vitest'
import { renderStep, sourceSteps, stepsForCity } from '~~/server/courses/lesson-markdown'

const file = `---
title: x
---

## One
Plain **bold** text.

## Two [huludao]
Only in Huludao.

## Two [tianjin]
Only in Tianjin.

## Practise
::course-simulation{name="scan-pay"}
::
Pay once.
`

describe('lesson Markdown', () => {
  it('is cut into steps at ## headings, front matter left out', () => {
    expect(sourceSteps(file).map(s => s.title)).toEqual(['One', 'Two', 'Two', 'Practise'])
  })

  it('keeps untagged steps and those of the configured city', () => {
    expect(stepsForCity(sourceSteps(file), 'tianjin').map(s => s.markdown)).toEqual(['Plain **bold** text.', 'Only in Tianjin.', 'Pay once.'])
    expect(stepsForCity(sourceSteps(file), 'huludao').map(s => s.markdown)).toContain('Only in Huludao.')
  })

  it('turns the simulation block into the step\'s simulation, not its text', () => {
    const step = sourceSteps(file)[3]!
    expect(step.simulation).toBe('scan-pay')
    expect(step.markdown).toBe('Pay once.')
  })

  it('renders safe HTML: no raw HTML, no script or outside links', () => {
    expect(renderStep('**a** <script>alert(1)</script>')).toBe('<p><strong>a</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(renderStep('[x](javascript:alert(1)) [y](https://example.com) [z](/events?district=heping)')).toBe('<p>[x](javascript:alert(1)) [y](https://example.com) <a href="/events?district=heping">z</a></p>')
  })
})
