import { setUserDisabled } from '~~/server/accounts/status'

export default defineEventHandler(event => setUserDisabled(event, true))
