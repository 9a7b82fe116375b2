import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import SimPensionCertification from '~/components/courses/sim/SimPensionCertification.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('pension eligibility check by face', () => {
  it('is done with buttons for blinking and turning the head, never a camera', async () => {
    const getUserMedia = vi.fn()
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true })
    const wrapper = await mountSuspended(SimPensionCertification)
    await tapAll(wrapper, ['certify', 'self', 'start'])
    expect(wrapper.text()).toContain('请眨眨眼')
    expect(wrapper.find('video').exists()).toBe(false)
    await tap(wrapper, 'turn')
    expect(wrapper.get('[role="status"]').text()).toContain('眨眼')
    await tapAll(wrapper, ['blink', 'turn'])
    expect(wrapper.text()).toContain('认证成功')
    await tap(wrapper, 'finish')
    expect(wrapper.emitted('done')).toHaveLength(1)
    expect(getUserMedia).not.toHaveBeenCalled()
  })
})
