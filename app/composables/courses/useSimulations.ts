import type { SimulationName } from '#shared/courses/simulations'

/** Each simulation is its own chunk. Importing one twice fetches it once: the browser keeps the module. */
export const simulationLoaders: Record<SimulationName, () => Promise<unknown>> = {
  'scan-pay': () => import('~/components/courses/sim/SimScanPay.vue'),
  'hospital-booking': () => import('~/components/courses/sim/SimHospitalBooking.vue'),
  'pension-certification': () => import('~/components/courses/sim/SimPensionCertification.vue'),
  'bill-payment': () => import('~/components/courses/sim/SimBillPayment.vue'),
  'ride-hailing': () => import('~/components/courses/sim/SimRideHailing.vue'),
}

/** Fetches a lesson's simulations once it has opened, so its later steps work if the connection drops. */
export function preloadSimulations(names: Array<SimulationName | null>) {
  for (const name of new Set(names)) if (name) simulationLoaders[name]().catch(() => {})
}
