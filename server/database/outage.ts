import { outageLog } from '~~/server/utils/log'

/** One log line when PostgreSQL connections start failing and one when a new connection works again. */
export const databaseOutage = outageLog('database', 'requests answer 503 and messages wait until it is back')
