/**
 * For a component that its parent focuses when it appears (a problem or an
 * outcome, so that screen readers read it): `defineExpose(useFocusTarget())`
 * with `ref="box"` on the element, or the component, that takes the focus.
 */
export function useFocusTarget() {
  const box = useTemplateRef<{ focus: () => void }>('box')
  return { focus: () => box.value?.focus() }
}

/**
 * An outcome (cancelled, checked in, voted, sent) where the eye is: scrolled into view once
 * it is on the page, then focused, so it is both seen on a phone and read by a screen reader.
 */
export function showOutcome(target: () => HTMLElement | null | undefined) {
  nextTick(() => {
    const el = target()
    el?.scrollIntoView({ block: 'nearest' })
    el?.focus({ preventScroll: true })
  })
}
