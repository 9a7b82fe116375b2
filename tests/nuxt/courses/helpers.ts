import { flushPromises, type VueWrapper } from '@vue/test-utils'

/** The simulations' dictionary, as a page that lists 'courses-sim' in its meta would have it. */
export async function loadSimulationStrings(): Promise<void> {
  usePrefsStore().setLanguage('zh-CN')
  await useNuxtApp().$i18nLoad('zh-CN', ['courses-sim'])
}

/** Taps the simulated button that stands for `action` (every tap goes through the steps). */
export async function tap(wrapper: VueWrapper, action: string): Promise<void> {
  await wrapper.get(`button[data-action="${action}"]`).trigger('click')
  await flushPromises()
}

export async function tapAll(wrapper: VueWrapper, actions: string[]): Promise<void> {
  for (const action of actions) await tap(wrapper, action)
}
