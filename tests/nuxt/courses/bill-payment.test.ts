import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import SimBillPayment from '~/components/courses/sim/SimBillPayment.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('topping up phone credit', () => {
  it('fills in an example number, checks the holder, chooses the amount and confirms', async () => {
    const wrapper = await mountSuspended(SimBillPayment)
    await tap(wrapper, 'topup')
    // No real number is ever typed: the number is an example, filled in by a button.
    expect(wrapper.find('input').exists()).toBe(false)
    await tap(wrapper, 'fill')
    expect(wrapper.text()).toContain('*国强')
    expect(wrapper.text()).toContain('示例')
    await tapAll(wrapper, ['wrong', 'wrong'])
    expect(wrapper.findAll('.is-hinted').map(b => b.attributes('data-action'))).toEqual(['right'])
    await tapAll(wrapper, ['right', 'a50', 'pay'])
    expect(wrapper.text()).toContain('没有真的付钱')
    expect(wrapper.text()).not.toMatch(/验证码/)
    await tap(wrapper, 'finish')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
