/** The content codings this server produces, in the order it prefers them when the client likes both equally. */
export type Coding = 'br' | 'gzip'

/**
 * The client's weight (q, 0–1) for each content coding it names in Accept-Encoding;
 * `*` stands for every coding it does not name. `x-gzip` is gzip (RFC 9110, 12.5.3).
 */
export function acceptedCodings(header: string | null | undefined): Map<string, number> {
  const weights = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map(s => s.trim().toLowerCase())
    if (!name) continue
    const q = params.find(p => p.startsWith('q='))
    const weight = q === undefined ? 1 : /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(q.slice(2)) ? Number(q.slice(2)) : 0
    const coding = name === 'x-gzip' ? 'gzip' : name
    weights.set(coding, Math.max(weights.get(coding) ?? 0, weight))
  }
  return weights
}

/** The client's weight for one coding: named, else through `*`, else 0. */
export function weightOf(weights: Map<string, number>, coding: Coding): number {
  return weights.get(coding) ?? weights.get('*') ?? 0
}

/**
 * The coding to send among `offered` (most preferred first), or null for identity:
 * the one the client weighs highest, ties going to the earlier in `offered`. No
 * Accept-Encoding at all means identity: any coding would be allowed, but a client
 * that says nothing is safest served plain text.
 */
export function chooseCoding(header: string | null | undefined, offered: readonly Coding[] = ['br', 'gzip']): Coding | null {
  const weights = acceptedCodings(header)
  let best: Coding | null = null
  let bestWeight = 0
  for (const coding of offered) {
    const weight = weightOf(weights, coding)
    if (weight > bestWeight) [best, bestWeight] = [coding, weight]
  }
  return best
}
