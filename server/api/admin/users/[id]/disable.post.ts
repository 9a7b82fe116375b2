export default defineEventHandler(event => setUserDisabled(event, true))
