/**
 * For a component that its parent focuses when it appears (a problem or an
 * outcome, so that screen readers read it): `defineExpose(useFocusTarget())`
 * with `ref="box"` on the element, or the component, that takes the focus.
 */
export function useFocusTarget() {
  const box = useTemplateRef<{ focus: () => void }>('box')
  return { focus: () => box.value?.focus() }
}
