import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { courseFile, lessonFile } from '#shared/courses/content'
import { plainLength, renderStep, sourceSteps } from '~~/server/courses/lesson-markdown'
import { informalAddress, longSentences } from '~~/tests/support/resident-words'

/** The longest zh-CN sentence a resident reads in a course (letters and digits, punctuation not counted). */
export const MAX_SENTENCE = 25

export const contentRoot = join(process.cwd(), 'content', 'courses')

export interface LessonSource { file: string, data: unknown, body: string }
export interface CourseSource { folder: string, file: string, data: unknown, lessons: Array<{ name: string, zh?: LessonSource, en?: LessonSource }> }

function readLesson(file: string): LessonSource {
  const text = readFileSync(file, 'utf8')
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)
  return { file, data: match ? parse(match[1]!) : {}, body: text }
}

/** Every course folder under content/courses/, read as the editors wrote it. */
export function courseSources(root = contentRoot): CourseSource[] {
  return readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory()).map((d) => {
    const dir = join(root, d.name)
    const files = readdirSync(dir)
    const names = [...new Set(files.map(f => /^(\d+-[^.]+)\.(zh-CN|en)\.md$/.exec(f)?.[1]).filter(Boolean))] as string[]
    const file = join(dir, 'course.yml')
    return {
      folder: d.name,
      file,
      data: files.includes('course.yml') ? parse(readFileSync(file, 'utf8')) : undefined,
      lessons: names.sort().map(name => ({
        name,
        zh: files.includes(`${name}.zh-CN.md`) ? readLesson(join(dir, `${name}.zh-CN.md`)) : undefined,
        en: files.includes(`${name}.en.md`) ? readLesson(join(dir, `${name}.en.md`)) : undefined,
      })),
    }
  })
}

const where = (file: string) => relative(process.cwd(), file)
const issuesOf = (file: string, result: { success: boolean, error?: { issues: Array<{ path: PropertyKey[], message: string }> } }) =>
  result.success ? [] : result.error!.issues.map(i => `${where(file)}: ${i.path.join('.') || '(file)'}: ${i.message}`)

/** Every problem with the courses' content, each naming its file and field. */
export function contentProblems(courses: CourseSource[]): string[] {
  const problems: string[] = []
  const lessonSlugs = new Map(courses.map(c => [c.folder, new Set(c.lessons.map(l => l.name.replace(/^\d+-/, '')))]))
  for (const course of courses) {
    if (!course.data) {
      problems.push(`${where(course.file)}: missing`)
      continue
    }
    problems.push(...issuesOf(course.file, courseFile.safeParse(course.data)))
    if ((course.data as { slug?: string }).slug !== course.folder) problems.push(`${where(course.file)}: slug: must be the folder's name, ${course.folder}`)
    if (course.lessons.length < 3 || course.lessons.length > 6) problems.push(`${where(course.file)}: lessons: ${course.lessons.length}, want 3–6`)
    const about = course.data as { title?: { zh?: string }, summary?: { zh?: string }, learn?: { zh?: string[] } }
    problems.push(...wordingProblems(where(course.file), [['title', about.title?.zh], ['summary', about.summary?.zh], ...(about.learn?.zh ?? []).map((l, i) => [`learn.${i}`, l] as const)]))
    for (const lesson of course.lessons) {
      const { zh, en } = lesson
      if (!zh || !en) {
        problems.push(`content/courses/${course.folder}/${lesson.name}.${zh ? 'en' : 'zh-CN'}.md: missing translation`)
        continue
      }
      problems.push(...issuesOf(zh.file, lessonFile.safeParse(zh.data)), ...issuesOf(en.file, lessonFile.safeParse(en.data)))
      const front = zh.data as { title?: string, summary?: string[], check?: Array<{ question?: string, options?: unknown[], explain?: string }> }
      problems.push(...wordingProblems(where(zh.file), [
        ['title', front.title],
        ...(front.summary ?? []).map((s, i) => [`summary.${i}`, s] as const),
        ...(front.check ?? []).flatMap((q, i) => [[`check.${i}.question`, q.question], [`check.${i}.explain`, q.explain], ...(q.options ?? []).map((o, j) => [`check.${i}.options.${j}`, String(o)] as const)] as const),
      ]))
      const zs = sourceSteps(zh.body)
      const es = sourceSteps(en.body)
      if (zs.length < 4 || zs.length > 10) problems.push(`${where(zh.file)}: steps: ${zs.length}, want 4–10`)
      if (zs.length !== es.length) problems.push(`${where(en.file)}: steps: ${es.length}, but the zh-CN file has ${zs.length}`)
      zs.forEach((z, i) => {
        const e = es[i]
        const field = `${where(zh.file)}: step ${i + 1} "${z.title}"`
        if (plainLength(z.markdown) > 80) problems.push(`${field}: text: ${plainLength(z.markdown)} characters, at most 80`)
        if (!z.markdown) problems.push(`${field}: text: empty`)
        if (z.unknownSimulation !== undefined) problems.push(`${field}: simulation: unknown name "${z.unknownSimulation}"`)
        if (z.city && z.city !== 'tianjin' && z.city !== 'huludao') problems.push(`${field}: city tag: unknown city "${z.city}"`)
        if (/<[a-z!/]/i.test(z.markdown)) problems.push(`${field}: text: raw HTML`)
        problems.push(...wordingProblems(field, [['title', z.title], ['text', z.markdown]]))
        if (!e) return
        const efield = `${where(en.file)}: step ${i + 1} "${e.title}"`
        if (!e.markdown) problems.push(`${efield}: text: missing translation`)
        if (e.city !== z.city) problems.push(`${efield}: city tag: [${e.city ?? ''}], zh-CN has [${z.city ?? ''}]`)
        if (e.simulation !== z.simulation) problems.push(`${efield}: simulation: ${e.simulation}, zh-CN has ${z.simulation}`)
        for (const [file, step] of [[zh.file, z], [en.file, e]] as const) {
          for (const [, href] of step.markdown.matchAll(/\]\(([^)\s]+)[^)]*\)/g)) {
            const problem = linkProblem(href!, lessonSlugs)
            if (problem) problems.push(`${where(file)}: step ${i + 1}: link ${href}: ${problem}`)
          }
          if (/\]\(/.test(step.markdown) && !renderStep(step.markdown).includes('<a ')) problems.push(`${where(file)}: step ${i + 1}: a link that is not rendered`)
        }
      })
      const zc = (zh.data as { check?: Array<{ answer: number, options: unknown[] }> }).check ?? []
      const ec = (en.data as { check?: Array<{ answer: number, options: unknown[] }> }).check ?? []
      if (zc.length !== ec.length) problems.push(`${where(en.file)}: check: ${ec.length} questions, zh-CN has ${zc.length}`)
      zc.forEach((q, i) => {
        if (ec[i] && ec[i]!.answer !== q.answer) problems.push(`${where(en.file)}: check.${i}.answer: ${ec[i]!.answer}, zh-CN has ${q.answer}`)
        if (ec[i] && ec[i]!.options.length !== q.options.length) problems.push(`${where(en.file)}: check.${i}.options: ${ec[i]!.options.length}, zh-CN has ${q.options.length}`)
      })
      for (const key of ['minutes', 'summary'] as const) {
        const a = (zh.data as Record<string, unknown>)[key]
        const b = (en.data as Record<string, unknown>)[key]
        if (key === 'minutes' ? a !== b : (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)) problems.push(`${where(en.file)}: ${key}: differs from zh-CN`)
      }
    }
  }
  return problems
}

/** Residents are addressed as 您 (quoted speech, e.g. a scammer's words in “”, may say 你), in short sentences. */
export function wordingProblems(where: string, texts: ReadonlyArray<readonly [string, string | undefined]>, max = MAX_SENTENCE): string[] {
  return texts.flatMap(([field, text]) => text
    ? [
        ...informalAddress(text).map(around => `${where}: ${field}: 你 outside quoted speech ("${around}"); residents are addressed as 您`),
        ...longSentences(text, max).map(s => `${where}: ${field}: a sentence over ${max} characters: "${s}"`),
      ]
    : [])
}

/** Internal links only: a course, a lesson (and step) that exists, or events' and venues' lists. */
function linkProblem(href: string, lessons: Map<string, Set<string>>): string | null {
  if (!href.startsWith('/')) return 'only links to the portal\'s own pages'
  const path = href.split(/[?#]/)[0]!
  if (/^\/(events|venues|courses)\/?$/.test(path)) return null
  const course = /^\/courses\/([^/]+)(?:\/([^/]+)(?:\/(\d+))?)?\/?$/.exec(path)
  if (course) {
    if (!lessons.has(course[1]!)) return 'no such course'
    if (course[2] && !lessons.get(course[1]!)!.has(course[2])) return 'no such lesson'
    return null
  }
  return 'not a page the portal has'
}
