import { currentProvider } from '~~/server/notifications/providers'
import { sendPending } from '~~/server/notifications/sender'

export default defineTask({
  meta: { name: 'notifications:send', description: 'Sends queued confirmations, promotions, reminders and cancellations' },
  async run() {
    const { db, city } = await usePortal()
    return { result: await sendPending(db, currentProvider(), city, publicOrigin()) }
  },
})
