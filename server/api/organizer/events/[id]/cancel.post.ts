export default defineEventHandler(event => moveEventStatus(event, 'cancelled'))
