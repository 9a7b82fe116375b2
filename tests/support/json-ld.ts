import jsonld from 'jsonld'

const SCHEMA = 'https://schema.org/'

/**
 * schema.org's context, the part our documents use, held here: the test never fetches
 * https://schema.org (no network). Properties whose values are IRIs (enumeration members, URLs) say so,
 * as the published context does.
 */
const schemaContext = {
  '@context': {
    '@vocab': SCHEMA,
    'schema': SCHEMA,
    ...Object.fromEntries(['eventStatus', 'eventAttendanceMode', 'availability', 'url', 'image', 'sameAs'].map(p => [p, { '@id': `${SCHEMA}${p}`, '@type': '@id' }])),
  },
}

/** A document loader that answers schema.org's context from memory and refuses every other URL. */
async function offlineLoader(url: string) {
  if (url.replace(/\/$/, '').replace(/^http:/, 'https:') === 'https://schema.org') {
    return { contextUrl: null, documentUrl: url, document: schemaContext }
  }
  throw new Error(`no network in tests: ${url}`)
}

export type Expanded = Record<string, Array<Record<string, unknown>>>

/** The document expanded by the jsonld processor: full schema.org IRIs, every value in an array. */
export async function expandJsonLd(doc: unknown): Promise<Expanded[]> {
  return await jsonld.expand(doc as object, { documentLoader: offlineLoader }) as Expanded[]
}

/** The first value of a property (`name`, `startDate`…) of an expanded node: `@value`, `@id` or the node. */
export function prop(node: Expanded | Record<string, unknown>, name: string): unknown {
  const values = (node as Expanded)[`${SCHEMA}${name}`]
  if (!values?.length) return undefined
  const first = values[0]!
  return '@value' in first ? first['@value'] : '@id' in first && Object.keys(first).length === 1 ? first['@id'] : first
}

export const typeOf = (node: Expanded | Record<string, unknown>) => (node as { '@type'?: string[] })['@type']?.map(t => t.replace(SCHEMA, ''))
