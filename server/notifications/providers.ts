import { portalConfig } from '../utils/config'
/**
 * Where messages go. The default provider only records: the message text is
 * kept on the outbox row (visible to the organizer) and marked sent. An SMS
 * gateway is one more object with the same shape, chosen by PORTAL_NOTIFY_PROVIDER.
 */
export interface NotificationProvider {
  name: string
  send: (to: string, text: string) => Promise<void>
}

export const recordingProvider: NotificationProvider = {
  name: 'record',
  send: async () => {},
}

const providers: Record<string, NotificationProvider> = { record: recordingProvider }

export function currentProvider(name = portalConfig().notifyProvider): NotificationProvider {
  const provider = providers[name]
  if (!provider) throw new Error(`PORTAL_NOTIFY_PROVIDER "${name}" is not one of: ${Object.keys(providers).join(', ')}`)
  return provider
}
