import { migrations } from '~~/server/database/migrations'

export const latestMigration = Object.keys(migrations).sort().at(-1)
