import { setUserDisabled } from '../../../../accounts/status'

export default defineEventHandler(event => setUserDisabled(event, true))
