import { queueReminders } from '~~/server/notifications/reminders'

export default defineTask({
  meta: { name: 'notifications:remind', description: 'Queues "still coming?" reminders about a day before events' },
  async run() {
    return { result: await queueReminders(await useDb()) }
  },
})
