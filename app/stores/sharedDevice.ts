/**
 * 共用设备模式 at work in this tab: set after mounting on a device in the mode (startSharedDevice)
 * or when staff switch it on; the default layout shows the banner with 下一位 while it is on.
 * The mode itself is a cookie of the device (app/utils/shared-device.ts), never read on the server.
 */
export const useSharedDeviceStore = defineStore('sharedDevice', () => {
  const on = ref(false)
  return { on }
})
