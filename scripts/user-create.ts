// `npm run user:create -- --role admin --email someone@city.gov.cn [--name "…"] [--organisation code]`
// The password comes from PORTAL_ADMIN_PASSWORD or is asked for (not echoed).
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { Hash } from '@adonisjs/hash'
import { Scrypt } from '@adonisjs/hash/drivers/scrypt'
import { AccountError, createAccount } from '~~/server/accounts/users'
import { createDatabase } from '~~/server/database/client'
import { migrateToLatest } from '~~/server/database/migrate'
import { seedCity } from '~~/server/database/seed'
import { loadCityProfile } from '~~/server/city/profile'
import { portalConfig } from '~~/server/utils/config'
import { createUserBody, organisationRoles, passwordSchema } from '#shared/accounts/schemas'

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    const write = rl as unknown as { _writeToOutput: (s: string) => void }
    write._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function main() {
  const { values } = parseArgs({ options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } } })
  const input = createUserBody.safeParse({ email: values.email, role: values.role, displayName: values.name ?? values.email?.split('@')[0], organisationCode: values.organisation })
  const flag = (field: unknown) => ({ organisationCode: 'organisation', displayName: 'name' } as Record<string, string>)[String(field)] ?? String(field ?? 'args')
  if (!input.success) throw new Error(input.error.issues.map(i => `--${flag(i.path[0])}: ${i.message}`).join('\n'))
  const password = passwordSchema.safeParse(process.env.PORTAL_ADMIN_PASSWORD || await askHidden('Password (at least 10 characters): '))
  if (!password.success) throw new Error('The password needs at least 10 characters')

  const config = portalConfig()
  const { db } = createDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile })
  try {
    const city = loadCityProfile(config.city)
    await migrateToLatest(db)
    await seedCity(db, city)
    let organisationId: string | null = null
    if (organisationRoles.includes(input.data.role)) {
      const org = await db.selectFrom('organisations').select('id').where('city_slug', '=', city.slug).where('code', '=', input.data.organisationCode!).executeTakeFirst()
      if (!org) throw new Error(`--organisation: no organisation "${input.data.organisationCode}" in ${city.slug}`)
      organisationId = org.id
    }
    // Same scrypt defaults as nuxt-auth-utils' hashPassword, so the server verifies it.
    const passwordHash = await new Hash(new Scrypt({})).make(password.data)
    const user = await createAccount(db, { ...input.data, organisationId, passwordHash, mustChangePassword: false, createdBy: null })
    console.log(`[user:create] ${user.role} ${user.email} created`)
  }
  finally {
    await db.destroy()
  }
}

main().catch((error: Error) => {
  console.error(`[user:create] ${error instanceof AccountError ? `--${error.field}: ` : ''}${error.message}`)
  process.exitCode = 1
})
