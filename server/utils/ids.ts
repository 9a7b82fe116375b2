export { newId, nowIso } from '../database/ids'
