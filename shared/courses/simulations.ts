/**
 * The simulated phone screens a lesson step can embed (`::course-simulation{name="…"}`).
 * One list for the player (app/components/courses/CourseSimulation.vue) and the content tests.
 */
export const simulationNames = ['scan-pay', 'hospital-booking', 'pension-certification', 'bill-payment', 'ride-hailing'] as const
export type SimulationName = typeof simulationNames[number]

export function isSimulationName(name: unknown): name is SimulationName {
  return typeof name === 'string' && (simulationNames as readonly string[]).includes(name)
}
