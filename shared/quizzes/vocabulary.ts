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

/** What a part of a screen is, so the renderer can draw it as residents meet it. */
export const partRoles = ['incoming', 'outgoing', 'caller', 'you', 'link', 'button', 'field', 'amount', 'payee', 'notice', 'text'] as const

/** The course lesson to review for each fraud type (content/courses/): the result page links to it. */
export const reviewLessons: Record<FraudType, string> = {
  'brushing-rebate': '/courses/staying-safe-online/codes-and-personal-info/1',
  'fake-investment': '/courses/staying-safe-online/if-you-already-paid/1',
  'fake-shopping': '/courses/pay-by-phone-safely/scan-to-pay/1',
  'fake-customer-service': '/courses/staying-safe-online/fake-customer-service-and-refunds/1',
  'fake-loan': '/courses/staying-safe-online/codes-and-personal-info/1',
  'fake-credit-record': '/courses/staying-safe-online/fake-customer-service-and-refunds/1',
  'impersonating-acquaintance': '/courses/pay-by-phone-safely/verification-codes/1',
  'impersonating-authorities': '/courses/staying-safe-online/fake-police/1',
  'online-romance': '/courses/staying-safe-online/if-you-already-paid/1',
  'game-trading': '/courses/pay-by-phone-safely/scan-to-pay/1',
  'elder-care-service': '/courses/staying-safe-online/if-you-already-paid/1',
  'elder-care-project': '/courses/staying-safe-online/if-you-already-paid/1',
  'elder-care-products': '/courses/staying-safe-online/if-you-already-paid/1',
  'house-for-pension': '/courses/staying-safe-online/if-you-already-paid/1',
  'pension-insurance-agent': '/courses/government-services-online/pension-certification/1',
  'elder-assistance': '/courses/government-services-online/spot-fake-government-messages/1',
}
