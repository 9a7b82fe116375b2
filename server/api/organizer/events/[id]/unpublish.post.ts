export default defineEventHandler(event => moveEventStatus(event, 'draft'))
