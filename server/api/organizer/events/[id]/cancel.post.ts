import { moveEventStatus } from '../../../../events/status'

export default defineEventHandler(event => moveEventStatus(event, 'cancelled'))
