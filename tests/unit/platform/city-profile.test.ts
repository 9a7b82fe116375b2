import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCityProfile, parseCityProfile, SeedFileError } from '~~/server/city/profile'

const seeds = join(import.meta.dirname, '../../../seeds')
const read = (slug: string) => JSON.parse(readFileSync(join(seeds, `${slug}.json`), 'utf8'))

function problemsOf(data: unknown): string[] {
  try {
    parseCityProfile('seeds/test.json', JSON.stringify(data))
  }
  catch (error) {
    expect(error).toBeInstanceOf(SeedFileError)
    return (error as SeedFileError).problems
  }
  throw new Error('expected the profile to be rejected')
}

describe('city profiles', () => {
  it.each(readdirSync(seeds).filter(f => f.endsWith('.json')))('%s is valid and complete', (file) => {
    const city = parseCityProfile(file, readFileSync(join(seeds, file), 'utf8'))
    expect(city.slug).toBe(file.replace('.json', ''))
    expect(new Set(city.venues.map(v => v.kind)).size).toBe(6)
    expect(new Set(city.venues.map(v => v.district)).size).toBeGreaterThanOrEqual(5)
  })

  it('ships Tianjin and Huludao, built from their plans', () => {
    expect(loadCityProfile('tianjin', seeds).plan.issuedOn).toBe('2017-11-20')
    const huludao = loadCityProfile('huludao', seeds)
    expect(huludao.plan.docNumber).toBe('葫政发〔2018〕16号')
    expect(huludao.districts.map(d => d.name.zh)).toEqual(expect.arrayContaining(['龙港区', '兴城市', '绥中县']))
  })

  it('names the file, the entry and the field of a mistake', () => {
    const city = read('tianjin')
    city.venues[2].district = 'atlantis'
    expect(problemsOf(city)).toEqual([`venues[2] (${city.venues[2].code}), field "district": unknown district "atlantis"`])
    delete city.venues[4].address.en
    expect(problemsOf(city)).toEqual([expect.stringMatching(new RegExp(`^venues\\[4\\] \\(${city.venues[4].code}\\), field "address.en": `))])
    expect(() => parseCityProfile('seeds/x.json', JSON.stringify(city))).toThrow(/Invalid city profile seeds\/x\.json/)
  })

  it('rejects unknown keys, duplicate codes, reversed dates and bad JSON', () => {
    const city = read('huludao')
    city.venues[0].colour = 'red'
    city.districts[1].code = city.districts[0].code
    city.week.endsOn = '2000-01-01'
    const problems = problemsOf(city).join('\n')
    expect(problems).toMatch(/venues\[0\].*colour/)
    expect(problems).toMatch(/districts\[1\].*field "code": duplicate code/)
    expect(problems).toMatch(/week, field "endsOn": must not be before startsOn/)
    expect(() => parseCityProfile('seeds/broken.json', '{ "slug": ')).toThrow(/seeds\/broken\.json[\s\S]*not valid JSON/)
  })

  it('refuses an unknown city and a file whose slug does not match its name', () => {
    expect(() => loadCityProfile('atlantis', seeds)).toThrow(/CITY must be one of: huludao, tianjin/)
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
    writeFileSync(join(dir, 'dalian.json'), JSON.stringify(read('tianjin')))
    expect(() => loadCityProfile('dalian', dir)).toThrow(/slug "tianjin" does not match the file name/)
  })
})
