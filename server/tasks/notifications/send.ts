import { currentProvider } from '../../notifications/providers'
import { sendPending } from '../../notifications/sender'

export default defineTask({
  meta: { name: 'notifications:send', description: 'Sends queued confirmations, promotions, reminders and cancellations' },
  async run() {
    const { db, city } = await usePortal()
    return { result: await sendPending(db, currentProvider(), city, publicOrigin()) }
  },
})
