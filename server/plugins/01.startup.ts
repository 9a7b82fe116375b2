import { startupMessage } from '~~/server/utils/startup-errors'
import { getCryptoKeys } from '~~/server/privacy/keys'

// Start-up fails fast: a broken city profile or a failed migration stops the
// process with the reason, instead of serving errors.
export default defineNitroPlugin(() => {
  try {
    ensureSessionPassword()
  }
  catch (error) {
    console.error(`\n[portal] start-up failed\n${startupMessage(error as Error)}\n`)
    process.exit(1)
  }
  // A missing or malformed PORTAL_DATA_KEY stops start-up, not the first booking.
  Promise.all([initPortal(), getCryptoKeys()]).catch((error: Error) => {
    console.error(`\n[portal] start-up failed\n${startupMessage(error)}\n`)
    process.exit(1)
  })
})
