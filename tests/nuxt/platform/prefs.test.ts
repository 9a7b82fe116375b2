import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it, vi } from 'vitest'
import PrefsElderSwitch from '~/components/prefs/PrefsElderSwitch.vue'
import PrefsLanguageSwitch from '~/components/prefs/PrefsLanguageSwitch.vue'

describe('preference switches', () => {
  it('turns elder mode on and off, remembering it in a cookie', async () => {
    const prefs = usePrefsStore()
    prefs.setElder(false)
    const wrapper = await mountSuspended(PrefsElderSwitch)
    const button = wrapper.get('[role="switch"]')
    expect(button.attributes('aria-checked')).toBe('false')
    expect(wrapper.get('label').attributes('for')).toBe(button.attributes('id'))

    await button.trigger('click')
    expect(prefs.elder).toBe(true)
    expect(document.cookie).toContain('elder=1')
    expect(button.attributes('aria-checked')).toBe('true')

    await button.trigger('click')
    expect(prefs.elder).toBe(false)
    expect(document.cookie).toContain('elder=0')
  })

  it('switches the language of the whole app', async () => {
    const prefs = usePrefsStore()
    prefs.setLanguage('zh-CN')
    const wrapper = await mountSuspended(PrefsLanguageSwitch)
    const english = wrapper.findAll('button').find(b => b.text().endsWith('English'))!
    expect(english.attributes('lang')).toBe('en')
    expect(english.text()).toBe('切换语言：English')
    await english.trigger('click')
    // The English dictionaries are fetched first; the language changes once they are there.
    await vi.waitFor(() => expect(useNuxtApp().$i18n.language).toBe('en'))
    expect(prefs.language).toBe('en')
    expect(document.cookie).toContain('lang=en')
    // The button now offers Chinese, named in Chinese.
    await vi.waitFor(() => expect(wrapper.get('button').text()).toBe('Switch language: 中文'))
    expect(wrapper.get('button').attributes('lang')).toBe('zh-CN')
  })
})
