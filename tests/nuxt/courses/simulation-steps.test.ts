import { mountSuspended } from '@nuxt/test-utils/runtime'
import { flushPromises } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import CourseSimulation from '~/components/courses/CourseSimulation.vue'
import SimScanPay from '~/components/courses/sim/SimScanPay.vue'
import { loadSimulationStrings, tap, tapAll } from './helpers'

beforeAll(loadSimulationStrings)

describe('wrong-tap help', () => {
  it('explains after a first wrong tap, and outlines and names the right button after a second', async () => {
    const wrapper = await mountSuspended(SimScanPay)
    const status = () => wrapper.get('[role="status"]').text()
    expect(status()).toBe('')
    expect(wrapper.get('.sim__prompt').text()).toContain('扫一扫')

    await tap(wrapper, 'transfer')
    expect(status()).toBe('这个按钮不是扫码用的。扫店里的二维码，要点「扫一扫」。')
    expect(wrapper.findAll('.is-hinted')).toHaveLength(0)

    await tap(wrapper, 'bills')
    expect(status()).toBe('这个按钮不是扫码用的。扫店里的二维码，要点「扫一扫」。有红色虚线框的「扫一扫」就是它。')
    expect(wrapper.findAll('.is-hinted').map(b => b.attributes('data-action'))).toEqual(['scan'])

    // The right tap moves on: the help and the outline are gone, and the next step starts afresh.
    await tap(wrapper, 'scan')
    expect(status()).toBe('')
    expect(wrapper.findAll('.is-hinted')).toHaveLength(0)
    expect(wrapper.get('.sim__count').text()).toBe('练习 第 2 步，共 7 步')
    await tap(wrapper, 'album')
    expect(wrapper.findAll('.is-hinted')).toHaveLength(0)
  })

  it('says the same help again on a third wrong tap (cleared first, so the live region speaks)', async () => {
    const wrapper = await mountSuspended(SimScanPay)
    await tapAll(wrapper, ['transfer', 'bills'])
    const second = wrapper.get('[role="status"]').text()
    await tap(wrapper, 'paycode')
    expect(wrapper.get('[role="status"]').text()).toBe('')
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe(second))
  })

  it('starts again from the first step at any time', async () => {
    const wrapper = await mountSuspended(SimScanPay)
    await tapAll(wrapper, ['scan', 'aim', 'cancel', 'cancel'])
    expect(wrapper.findAll('.is-hinted')).toHaveLength(1)
    await wrapper.findAll('button').find(b => b.text() === '重新开始')!.trigger('click')
    expect(wrapper.get('.sim__count').text()).toBe('练习 第 1 步，共 7 步')
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(wrapper.findAll('.is-hinted')).toHaveLength(0)
  })
})

describe('CourseSimulation', () => {
  it('loads the simulation its name names, and passes on done', async () => {
    const wrapper = await mountSuspended(CourseSimulation, { props: { name: 'scan-pay' } })
    await vi.waitFor(() => expect(wrapper.find('button[data-action="scan"]').exists()).toBe(true))
    await tapAll(wrapper, ['scan', 'aim', 'confirm', 'finish', 'scan', 'aim', 'cancel'])
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('shows nothing for a name it does not know', async () => {
    const warn = vi.spyOn(console, 'warn')
    const wrapper = await mountSuspended(CourseSimulation, { props: { name: 'no-such-sim' } })
    await flushPromises()
    expect(wrapper.text()).toBe('')
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })
})
