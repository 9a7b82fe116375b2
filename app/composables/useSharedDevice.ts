/**
 * A finished task's page (a ticket just booked, a quiz's result) on a shared device (共用设备模式):
 * once it shows, the device forgets everything personal at once. The page stays on screen to be read
 * or printed until 下一位 or the idle time opens the home page in its place.
 */
export function useSharedDeviceTaskDone() {
  onMounted(() => {
    if (isSharedDevice()) forgetPersonalData()
  })
}
