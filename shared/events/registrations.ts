import { z } from 'zod'
import { registrationLookupBody } from './requests'

export const registrationChangeBody = registrationLookupBody.extend({
  partySize: z.coerce.number().int().min(1).max(20),
}).strict()
