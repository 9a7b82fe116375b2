export { newId, nowIso } from '~~/server/database/ids'
