import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import SimScanPay from '~/components/courses/sim/SimScanPay.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('scan to pay', () => {
  it('pays the first shop and refuses the second, whose payee and amount are wrong', async () => {
    const wrapper = await mountSuspended(SimScanPay)
    await tapAll(wrapper, ['scan', 'aim'])
    expect(wrapper.text()).toContain('张记水果店')
    expect(wrapper.text()).toContain('¥ 23.50')
    await tapAll(wrapper, ['confirm', 'finish', 'scan', 'aim'])
    expect(wrapper.text()).toContain('王某（个人）')
    expect(wrapper.text()).toContain('¥ 80.00')

    await tap(wrapper, 'confirm')
    expect(wrapper.get('[role="status"]').text()).toContain('收款方不是「李记菜摊」')
    expect(wrapper.emitted('done')).toBeUndefined()

    await tap(wrapper, 'cancel')
    expect(wrapper.emitted('done')).toHaveLength(1)
    expect(wrapper.text()).toContain('完成了！')
    expect(wrapper.find('.sim-phone').exists()).toBe(false)
  })

  it('asks for no verification code and opens no link', async () => {
    const wrapper = await mountSuspended(SimScanPay)
    for (const actions of [[], ['scan'], ['aim'], ['confirm'], ['finish']]) {
      await tapAll(wrapper, actions)
      expect(wrapper.find('a, input, form').exists()).toBe(false)
      expect(wrapper.text()).not.toMatch(/验证码/)
    }
  })
})
