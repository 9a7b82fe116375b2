import { mountSuspended } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import SimHospitalBooking from '~/components/courses/sim/SimHospitalBooking.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('booking a hospital appointment', () => {
  it('goes hospital → department → doctor → time → confirm, then finds the booking again', async () => {
    const wrapper = await mountSuspended(SimHospitalBooking)
    await tapAll(wrapper, ['book', 'h1', 'resp'])
    // A fully booked doctor cannot be chosen: the help says so.
    await tap(wrapper, 'doc1')
    expect(wrapper.get('[role="status"]').text()).toContain('约满')
    await tapAll(wrapper, ['doc2', 't2'])
    expect(wrapper.text()).toContain('明天上午 10:00–11:00')
    expect(wrapper.text()).toContain('示例')
    await tapAll(wrapper, ['confirm', 'home', 'mine'])
    expect(wrapper.emitted('done')).toBeUndefined()
    expect(wrapper.text()).toContain('待就诊')
    await tap(wrapper, 'booking')
    expect(wrapper.emitted('done')).toHaveLength(1)
    expect(wrapper.text()).toContain('完成了！')
  })

  it('outlines the right department after two wrong taps', async () => {
    const wrapper = await mountSuspended(SimHospitalBooking)
    await tapAll(wrapper, ['book', 'h1', 'eye', 'kids'])
    expect(wrapper.findAll('.is-hinted').map(b => b.attributes('data-action'))).toEqual(['resp'])
    expect(wrapper.get('[role="status"]').text()).toContain('「呼吸内科」')
  })

  it('names the right button after two wrong taps when the explanation did not', async () => {
    const wrapper = await mountSuspended(SimHospitalBooking)
    await tapAll(wrapper, ['book', 'h1', 'resp', 'doc1', 'doc1'])
    expect(wrapper.get('[role="status"]').text()).toContain('请点有红色虚线框的「刘医生 · 副主任医师」')
    expect(wrapper.findAll('.is-hinted').map(b => b.attributes('data-action'))).toEqual(['doc2'])
  })
})
