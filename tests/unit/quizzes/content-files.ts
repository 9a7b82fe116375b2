import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { quizFile, quizItemFile, type QuizItemFile } from '#shared/quizzes/content'
import { fraudTypes, itemKinds, screenKinds } from '#shared/quizzes/vocabulary'
import { wordingProblems } from '../courses/content-files'

/** A simulated screen's speech is someone else's words (a scammer's, a son's): it may say 你 and run long. */
const SPEECH = new Set(['incoming', 'outgoing', 'caller', 'you'])

export const quizRoot = join(process.cwd(), 'content', 'quiz')

export interface Source { file: string, folder: string, data: unknown }

const yamlIn = (dir: string) => existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.yml')).sort() : []

export function itemSources(root = quizRoot): Source[] {
  const items = join(root, 'items')
  if (!existsSync(items)) return []
  return readdirSync(items, { withFileTypes: true }).filter(d => d.isDirectory()).flatMap(d =>
    yamlIn(join(items, d.name)).map(f => ({ file: join(items, d.name, f), folder: d.name, data: parse(readFileSync(join(items, d.name, f), 'utf8')) })))
}

export function quizSources(root = quizRoot): Source[] {
  return yamlIn(join(root, 'quizzes')).map(f => ({ file: join(root, 'quizzes', f), folder: 'quizzes', data: parse(readFileSync(join(root, 'quizzes', f), 'utf8')) }))
}

const where = (file: string) => relative(process.cwd(), file)

/** Every problem with the item bank and the quizzes, each naming its file and field. */
export function quizContentProblems(items: Source[], quizzes: Source[]): string[] {
  const problems: string[] = []
  const valid: QuizItemFile[] = []
  const ids = new Map<string, string>()
  for (const source of items) {
    const result = quizItemFile.safeParse(source.data)
    if (!result.success) {
      problems.push(...result.error.issues.map(i => `${where(source.file)}: ${i.path.join('.') || '(file)'}: ${i.message}`))
      continue
    }
    const item = result.data
    valid.push(item)
    const name = source.file.split('/').pop()!.replace(/\.yml$/, '')
    if (item.id !== name) problems.push(`${where(source.file)}: id: must be the file's name, ${name}`)
    if (ids.has(item.id)) problems.push(`${where(source.file)}: id: also used by ${ids.get(item.id)}`)
    ids.set(item.id, where(source.file))
    const family = item.type === 'genuine' ? item.lookalike : item.type
    if (family !== source.folder) problems.push(`${where(source.file)}: type: belongs in items/${family}/`)
    const texts = [item.screen.title, ...item.screen.parts.map(p => p.text), item.explain, item.todo]
    for (const text of texts) {
      for (const url of `${text.zh} ${text.en}`.match(/\b(?:https?:\/\/|www\.)[^\s，。）)]+/g) ?? []) {
        if (!/^(?:https?:\/\/)?(?:[\w-]+\.)*[\w-]+\.example(?:[/:?#]|$)/.test(url)) problems.push(`${where(source.file)}: ${url}: links use the .example domain`)
      }
      if (/<[a-z!/]/i.test(text.zh + text.en)) problems.push(`${where(source.file)}: raw HTML`)
    }
    const screen = item.screen.parts.filter(p => !SPEECH.has(p.role))
    problems.push(...wordingProblems(where(source.file), [
      ['screen.title', item.screen.title.zh],
      ...screen.map(p => [`screen.parts.${p.id}.text`, p.text.zh] as const),
      ...item.screen.parts.map(p => [`screen.parts.${p.id}.flag`, p.flag?.zh] as const),
    ], Infinity))
    problems.push(...wordingProblems(where(source.file), [
      ['question', item.question?.zh],
      ...(item.options ?? []).map((o, i) => [`options.${i}`, o.text.zh] as const),
      ['explain', item.explain.zh],
      ['todo', item.todo.zh],
    ]))
  }
  if (items.length) {
    for (const type of fraudTypes) {
      const scams = valid.filter(i => i.type === type).length
      const genuine = valid.filter(i => i.lookalike === type).length
      if (scams < 3) problems.push(`content/quiz/items/${type}/: ${scams} scam items, want at least 3`)
      if (genuine < 1) problems.push(`content/quiz/items/${type}/: no genuine look-alike`)
    }
    if (items.length < 64) problems.push(`content/quiz/items/: ${items.length} items, want at least 64`)
    for (const kind of screenKinds) if (!valid.some(i => i.screen.kind === kind)) problems.push(`content/quiz/items/: no item on a ${kind} screen`)
    for (const kind of itemKinds) if (!valid.some(i => i.kind === kind)) problems.push(`content/quiz/items/: no ${kind} item`)
  }
  for (const source of quizzes) {
    const result = quizFile.safeParse(source.data)
    if (!result.success) {
      problems.push(...result.error.issues.map(i => `${where(source.file)}: ${i.path.join('.') || '(file)'}: ${i.message}`))
      continue
    }
    const quiz = result.data
    const name = source.file.split('/').pop()!.replace(/\.yml$/, '')
    if (quiz.slug !== name) problems.push(`${where(source.file)}: slug: must be the file's name, ${name}`)
    problems.push(...wordingProblems(where(source.file), [['title', quiz.title.zh], ['summary', quiz.summary.zh]]))
    const pool = valid.filter(i => i.type !== 'genuine' && (!quiz.rule.types || quiz.rule.types.includes(i.type)))
    const types = new Set(pool.map(i => i.type))
    if (types.size < quiz.rule.minTypes) problems.push(`${where(source.file)}: rule.minTypes: the bank has only ${types.size} types to draw from`)
    if (pool.length < quiz.rule.scams * 2) problems.push(`${where(source.file)}: rule.scams: the bank has ${pool.length} scams to draw from; a retake needs at least twice ${quiz.rule.scams}`)
    const genuine = valid.filter(i => i.type === 'genuine').length
    if (genuine < quiz.rule.genuine * 2) problems.push(`${where(source.file)}: rule.genuine: the bank has ${genuine} genuine items; a retake needs at least twice ${quiz.rule.genuine}`)
  }
  return problems
}
