import MarkdownIt from 'markdown-it'
import { isSimulationName, type SimulationName } from '#shared/courses/simulations'

/** One `## ` section of a lesson file, as the editor wrote it. */
export interface SourceStep {
  title: string
  /** The city in the heading's `[city]` tag, or null for every city. */
  city: string | null
  markdown: string
  simulation: SimulationName | null
  /** A `::course-simulation` block naming no known simulation. */
  unknownSimulation?: string
}

// As events' descriptions: no raw HTML passes. Links may only go to the portal's own pages (spec: no live
// links to outside sites), so markdown-it's link check is narrowed to paths; anything else stays plain text.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })
markdown.validateLink = url => /^\/(?!\/)[\w\-./?=&%#]*$/.test(url)

export const renderStep = (text: string) => markdown.render(text).trim()

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/
const HEADING = /^## +(.+?)(?: +\[([a-z-]+)\])?\s*$/
const SIMULATION_OPEN = /^::course-simulation\{name="([^"]*)"\}\s*$/

/** The body of a lesson file (front matter removed) cut into its steps at each `## ` heading. */
export function sourceSteps(file: string): SourceStep[] {
  const steps: (SourceStep & { lines: string[] })[] = []
  let current: (SourceStep & { lines: string[] }) | null = null
  let inSimulation = false
  for (const line of file.replace(FRONT_MATTER, '').split(/\r?\n/)) {
    const heading = HEADING.exec(line)
    if (heading) {
      current = { title: heading[1]!.trim(), city: heading[2] ?? null, markdown: '', simulation: null, lines: [] }
      steps.push(current)
      inSimulation = false
      continue
    }
    if (!current) continue
    const open = SIMULATION_OPEN.exec(line)
    if (open) {
      const name = open[1]!
      if (isSimulationName(name)) current.simulation = name
      else current.unknownSimulation = name
      inSimulation = true
      continue
    }
    if (inSimulation && line.trim() === '::') {
      inSimulation = false
      continue
    }
    current.lines.push(line)
  }
  return steps.map(({ lines, ...step }) => ({ ...step, markdown: lines.join('\n').trim() }))
}

/** The steps a resident of `city` sees: untagged ones and those tagged for that city. */
export const stepsForCity = (steps: SourceStep[], city: string) => steps.filter(s => s.city === null || s.city === city)

/** Plain text of a step as a reader counts it (the 80-character limit): no Markdown marks, no spaces. */
export const plainLength = (text: string) => [...text.replace(/[*_`#>\-\s]/g, '')].length
