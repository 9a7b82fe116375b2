import type { InjectionKey } from 'vue'

/** One step of a simulation: the tap that is right, and the i18n key of that button's label. */
export interface SimulationStep {
  id: string
  answer: string
  label: string
}

export interface SimulationState {
  step: Readonly<Ref<SimulationStep | undefined>>
  index: Readonly<Ref<number>>
  finished: Readonly<Ref<boolean>>
  feedback: Readonly<Ref<string>>
  /** The button of the last wrong tap: its help is shown beside it, where the eye is. */
  wrongAt: Readonly<Ref<string | null>>
  /** False until the page's code runs: before that a tap would do nothing, so the buttons say they are not ready. */
  ready: Readonly<Ref<boolean>>
  /** The right button is outlined after a second wrong tap on the same step. */
  isHinted: (action: string) => boolean
  tap: (action: string) => void
  restart: () => void
}

export const simulationKey: InjectionKey<SimulationState> = Symbol('simulation')

/**
 * The wrong-tap help the Shanghai phone simulator made familiar: a first wrong tap gets a
 * gentle explanation; a second one also outlines the right button and names it. `prefix`
 * is the simulation's i18n group: `<prefix>.steps.<id>.hint` explains each step.
 */
export function useSimulationSteps(prefix: string, steps: readonly SimulationStep[], onDone: () => void): SimulationState {
  const { t } = useTranslation()
  const index = ref(0)
  const wrong = ref(0)
  const feedback = ref('')
  const wrongAt = ref<string | null>(null)
  const step = computed(() => steps[index.value])
  const finished = computed(() => index.value >= steps.length)
  const ready = ref(false)
  onMounted(() => (ready.value = true))

  // The live region only speaks when its text changes: the same message again is cleared first.
  function say(text: string) {
    if (feedback.value !== text) {
      feedback.value = text
      return
    }
    feedback.value = ''
    const at = index.value
    setTimeout(() => index.value === at && (feedback.value = text), 100)
  }

  function tap(action: string) {
    const current = step.value
    if (!current) return
    if (action === current.answer) {
      index.value++
      wrong.value = 0
      feedback.value = ''
      wrongAt.value = null
      if (finished.value) onDone()
      return
    }
    wrong.value++
    wrongAt.value = action
    const hint = t(`${prefix}.steps.${current.id}.hint`)
    const button = t(current.label)
    // Most explanations already name the right button; then the second one only points at the outline.
    say(wrong.value === 1 ? hint : t(hint.includes(button) ? 'coursesSim.ui.outlined' : 'coursesSim.ui.showMe', { hint, button }))
  }

  function restart() {
    index.value = 0
    wrong.value = 0
    feedback.value = ''
    wrongAt.value = null
  }

  const state: SimulationState = {
    step,
    index,
    finished,
    feedback,
    wrongAt,
    ready,
    isHinted: action => wrong.value >= 2 && step.value?.answer === action,
    tap,
    restart,
  }
  provide(simulationKey, state)
  return state
}
