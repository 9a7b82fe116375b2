/** The fraud types of the Ministry of Public Security's 2024 list and the 2022 campaign against elder fraud (content/quiz/README.md). */
export const fraudTypes = [
  'brushing-rebate', 'fake-investment', 'fake-shopping', 'fake-customer-service', 'fake-loan',
  'fake-credit-record', 'impersonating-acquaintance', 'impersonating-authorities', 'online-romance', 'game-trading',
  'elder-care-service', 'elder-care-project', 'elder-care-products', 'house-for-pension', 'pension-insurance-agent', 'elder-assistance',
] as const
export type FraudType = typeof fraudTypes[number]

export const itemTypes = [...fraudTypes, 'genuine'] as const
export type ItemType = typeof itemTypes[number]

/** What kind of question an item asks. */
export const itemKinds = ['judge', 'flags', 'action'] as const
export type ItemKind = typeof itemKinds[number]

/** The simulated screens an item is shown on. */
export const screenKinds = ['sms', 'chat', 'call', 'payment', 'web', 'app-download'] as const
export type ScreenKind = typeof screenKinds[number]

/** What a part of a screen is, so the renderer can draw it as residents meet it. */
export const partRoles = ['incoming', 'outgoing', 'caller', 'you', 'link', 'button', 'field', 'amount', 'payee', 'notice', 'text'] as const
export type PartRole = typeof partRoles[number]
