import { runPurge } from '~~/server/privacy/retention'
import { purgers } from '~~/server/privacy/purgers'

export default defineTask({
  meta: {
    name: 'privacy:purge',
    description: 'Deletes or anonymises residents\' personal information whose retention period has ended',
  },
  async run() {
    return { result: await runPurge(await useDb(), new Date(), purgers) }
  },
})
