import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely'
import { dialectOf } from './dialect'
import type { Database } from './schema'

type Db = Kysely<Database> | Transaction<Database>

// While the query is built, every parameter it reads is a marker naming itself
// (wrapped in private-use characters, which no real value here contains).
const OPEN = '\uE000param:'
const CLOSE = '\uE001'
const markers = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `${OPEN}${key}${CLOSE}` : undefined) })
const markedName = (value: unknown) => (typeof value === 'string' && value.startsWith(OPEN) && value.endsWith(CLOSE) ? value.slice(OPEN.length, -CLOSE.length) : null)

interface Template {
  query: CompiledQuery
  /** For each compiled parameter: the named parameter it takes, or a constant of the query. */
  slots: Array<{ name: string } | { value: unknown }>
}

/**
 * A query written with Kysely and compiled once per dialect; each run only puts
 * its parameters into the compiled query. Building and compiling the query tree
 * is most of Kysely's cost for a small query, and every booking runs several.
 *
 * The query's shape must not depend on its parameters: no optional parts, no
 * lists of varying length, no parameter compared with `=` that may be null.
 * A parameter that ends up in the SQL text instead of its parameter list, or one
 * missing or undefined at run time (use null), is an error.
 */
export function preparedQuery<P extends object, R>(build: (db: Db, params: P) => Compilable<R>) {
  const templates = new Map<string, Template>()

  function compile(db: Db): Template {
    // A plugin may rewrite a query or its results per run; these run without it.
    if (db.getExecutor().plugins.length) throw new Error('preparedQuery: not for a Kysely instance with plugins')
    const query = build(db, markers as P).compile()
    if (query.sql.includes(OPEN)) throw new Error(`preparedQuery: a parameter was written into the SQL text:\n${query.sql}`)
    const slots = query.parameters.map((value) => {
      const name = markedName(value)
      return name === null ? { value } : { name }
    })
    return { query, slots }
  }

  return async (db: Db, params: P): Promise<QueryResult<R>> => {
    const dialect = dialectOf(db)
    let template = templates.get(dialect)
    if (!template) templates.set(dialect, template = compile(db))
    const parameters = template.slots.map((slot) => {
      if (!('name' in slot)) return slot.value
      const value = (params as Record<string, unknown>)[slot.name]
      // Kysely would leave an undefined column out; here the shape is fixed, so say so.
      if (value === undefined) throw new Error(`preparedQuery: parameter "${slot.name}" is missing`)
      return value
    })
    return db.executeQuery<R>({ ...template.query, parameters } as CompiledQuery<R>)
  }
}
