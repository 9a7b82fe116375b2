import type { SimulationStep } from '~/composables/courses/useSimulationSteps'

/**
 * What every simulated app (components/courses/sim/Sim*.vue) draws its screens with: the steps'
 * state (useSimulationSteps), the screen shown (the step's id unless `screenOf` maps it; 'open' when
 * none), and the choices and facts of the simulation's dictionary group `prefix`.
 */
export function useSimulationScreen(prefix: string, steps: readonly SimulationStep[], onDone: () => void, screenOf = (id: string | undefined) => id ?? 'open') {
  const { t } = useTranslation()
  const sim = useSimulationSteps(prefix, steps, onDone)
  const screen = computed(() => screenOf(sim.step.value?.id))
  /** Buttons to choose from: `<prefix>.<group>.<action>`, with a line of detail under each where `detail` gives one. */
  const items = (group: string, actions: string[], detail?: (action: string) => string) =>
    actions.map(action => ({ action, label: t(`${prefix}.${group}.${action}`), ...(detail ? { detail: detail(action) } : {}) }))
  /** Facts on a card: `<prefix>.<labels>.<key>` and its example value `<prefix>.<values>.<key>`. */
  const rows = (keys: string[], labels = 'fields', values = 'values') =>
    keys.map(k => ({ k, label: t(`${prefix}.${labels}.${k}`), value: t(`${prefix}.${values}.${k}`) }))
  return { sim, screen, items, rows }
}
