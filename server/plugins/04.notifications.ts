import { startupMessage } from '~~/server/utils/startup-errors'
import { currentProvider } from '~~/server/notifications/providers'
import { sendPending, stopSending } from '~~/server/notifications/sender'
import { installSender } from '~~/server/notifications/wake'

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
  // On SIGTERM (Nitro's graceful shutdown calls `close` once requests are done): no new sends, the
  // text at the gateway finishes, the rest of the claim is handed back rather than left to its lease.
  nitro.hooks.hook('close', async () => {
    installSender(undefined)
    await stopSending()
  })
})
