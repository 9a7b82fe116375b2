import { startupMessage } from '../utils/startup-errors'
import { currentProvider } from '../notifications/providers'
import { sendPending } from '../notifications/sender'
import { installSender } from '../notifications/wake'

// Fails start-up on a misconfigured provider, then lets bookings wake the sender.
export default defineNitroPlugin((nitro) => {
  try {
    currentProvider()
  }
  catch (error) {
    console.error(`\n[portal] start-up failed\n${startupMessage(error as Error)}\n`)
    process.exit(1)
  }
  installSender(async () => {
    const { db, city } = await usePortal()
    await sendPending(db, currentProvider(), city, publicOrigin())
  })
  nitro.hooks.hook('close', () => installSender(undefined))
})
