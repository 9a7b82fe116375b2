import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import SimRideHailing from '~/components/courses/sim/SimRideHailing.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('hailing a ride', () => {
  it('chooses the destination, calls a car and gets into the one whose plate matches', async () => {
    const wrapper = await mountSuspended(SimRideHailing)
    await tapAll(wrapper, ['taxi', 'destination', 'p1', 'call'])
    expect(wrapper.text()).toContain('示A·12345')
    await tap(wrapper, 'car1')
    expect(wrapper.get('[role="status"]').text()).toContain('12845 不是 12345')
    expect(wrapper.emitted('done')).toBeUndefined()
    await tapAll(wrapper, ['car2', 'finish'])
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
