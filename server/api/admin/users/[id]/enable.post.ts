export default defineEventHandler(event => setUserDisabled(event, false))
