import { moveEventStatus } from '~~/server/events/status'

export default defineEventHandler(event => moveEventStatus(event, 'cancelled'))
