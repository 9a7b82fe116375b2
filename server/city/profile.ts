import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { z } from 'zod'
import { cityProfileSchema, type CityProfile } from '#shared/city/profile'
import { portalConfig } from '~~/server/utils/config'

export class SeedFileError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`Invalid city profile ${file}:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'SeedFileError'
  }
}

function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String)
  // Name the entry the way a person editing the file would look for it:
  // "venues[3] (tj-library)" and then the field inside it.
  let entry = path.length ? path[0]! : '(top level)'
  let rest = path.slice(1)
  const list = (data as Record<string, unknown> | null)?.[entry]
  if (Array.isArray(list) && rest.length && /^\d+$/.test(rest[0]!)) {
    const item = list[Number(rest[0])] as { code?: unknown, area?: unknown } | undefined
    const label = typeof item?.code === 'string' ? item.code : typeof item?.area === 'string' ? item.area : undefined
    entry = `${entry}[${rest[0]}]${label ? ` (${label})` : ''}`
    rest = rest.slice(1)
  }
  const field = rest.length ? `field "${rest.join('.')}"` : 'entry'
  return `${entry}, ${field}: ${issue.message}`
}

export function parseCityProfile(file: string, text: string): CityProfile {
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (error) {
    throw new SeedFileError(file, [`not valid JSON: ${(error as Error).message}`])
  }
  const result = cityProfileSchema.safeParse(data)
  if (!result.success) throw new SeedFileError(file, result.error.issues.map(i => describeIssue(data, i)))
  return result.data
}

export function seedsDir(): string {
  return portalConfig().seedsDir
}

/** Reads and validates `<seeds>/<slug>.json`; every shipped profile is checked, so a broken one is found before it is needed. */
export function loadCityProfile(slug: string, dir = seedsDir()): CityProfile {
  const files = readdirSync(dir).filter(f => f.endsWith('.json')).sort()
  let chosen: CityProfile | undefined
  for (const name of files) {
    const path = join(dir, name)
    const shown = relative(process.cwd(), path) || path
    const profile = parseCityProfile(shown, readFileSync(path, 'utf8'))
    if (profile.slug !== name.replace(/\.json$/, '')) {
      throw new SeedFileError(shown, [`slug "${profile.slug}" does not match the file name`])
    }
    if (profile.slug === slug) chosen = profile
  }
  if (!chosen) {
    const known = files.map(f => f.replace(/\.json$/, '')).join(', ') || 'none'
    throw new Error(`No city profile "${slug}" in ${dir} (CITY must be one of: ${known})`)
  }
  return chosen
}
