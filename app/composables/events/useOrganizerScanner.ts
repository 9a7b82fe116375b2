import type { Ref } from 'vue'

interface DetectedBarcode { rawValue: string }
interface BarcodeDetectorLike { detect: (source: HTMLVideoElement) => Promise<DetectedBarcode[]> }
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

export type OrganizerScannerProblem = 'denied' | 'no-camera' | 'failed'

/**
 * Scans QR codes with the rear camera and the browser's BarcodeDetector: one
 * frame every 300 ms, the camera off after a hit, on stop, when the page is
 * hidden and when leaving the page. `supported` is null until mounted (server rendering).
 */
export function useOrganizerScanner(video: Readonly<Ref<HTMLVideoElement | null>>, onHit: (text: string) => void) {
  const supported = ref<boolean | null>(null)
  const scanning = ref(false)
  const problem = ref<OrganizerScannerProblem | null>(null)
  let detector: BarcodeDetectorLike | null = null
  let stream: MediaStream | null = null
  let timer: ReturnType<typeof setInterval> | undefined
  let detecting = false
  let disposed = false

  const detectorClass = () => (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector

  function stop() {
    clearInterval(timer)
    timer = undefined
    stream?.getTracks().forEach(track => track.stop())
    stream = null
    if (video.value) video.value.srcObject = null
    scanning.value = false
  }
  const onHidden = () => {
    if (document.visibilityState === 'hidden') stop()
  }

  async function tick() {
    const el = video.value
    if (detecting || !detector || !el || el.readyState < 2) return
    detecting = true
    try {
      const hit = (await detector.detect(el)).find(code => code.rawValue)
      if (hit && scanning.value) {
        stop()
        onHit(hit.rawValue)
      }
    }
    catch {
      // A frame that cannot be read: try the next one.
    }
    finally {
      detecting = false
    }
  }

  async function start() {
    const Detector = detectorClass()
    if (!Detector || scanning.value) return
    problem.value = null
    try {
      detector ??= new Detector({ formats: ['qr_code'] })
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      if (disposed) return media.getTracks().forEach(track => track.stop())
      stream = media
      scanning.value = true
      await nextTick()
      if (!video.value) return stop()
      video.value.srcObject = media
      await video.value.play()
      timer = setInterval(tick, 300)
    }
    catch (error) {
      stop()
      const name = (error as { name?: string }).name
      problem.value = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'no-camera' : 'failed'
    }
  }

  onMounted(async () => {
    const Detector = 'BarcodeDetector' in window ? detectorClass() : undefined
    if (!Detector || !navigator.mediaDevices?.getUserMedia) {
      supported.value = false
      return
    }
    try {
      const formats = await Detector.getSupportedFormats?.()
      supported.value = !formats || formats.includes('qr_code')
    }
    catch {
      supported.value = false
    }
    document.addEventListener('visibilitychange', onHidden)
  })
  onBeforeUnmount(() => {
    disposed = true
    stop()
    document.removeEventListener('visibilitychange', onHidden)
  })

  return { supported, scanning, problem, start, stop }
}
