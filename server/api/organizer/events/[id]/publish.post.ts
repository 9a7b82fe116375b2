export default defineEventHandler(event => moveEventStatus(event, 'published'))
