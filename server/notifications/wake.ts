/**
 * Lets a queued message go out within seconds of its commit instead of at
 * the next minute tick. `enqueue` runs inside the transaction, so the wake
 * looks again a little later too, in case the commit had not landed yet. The
 * scheduled `notifications:send` stays as the safety net (and for instances
 * that did not take the booking).
 */
type Run = () => Promise<unknown>

let runner: Run | undefined
let running = false
let again = false
const timers = new Set<ReturnType<typeof setTimeout>>()

/** Installed once per server by the notifications plugin; without it (tests, scripts) a wake does nothing. */
export function installSender(run: Run | undefined) {
  runner = run
  if (!run) for (const t of timers) clearTimeout(t)
}

async function drain() {
  if (running) {
    again = true
    return
  }
  running = true
  try {
    do {
      again = false
      await runner?.().catch(error => console.error(`[portal] sending messages failed: ${(error as Error).message}`))
    } while (again)
  }
  finally {
    running = false
  }
}

const RECHECK_MS = [25, 1000, 4000]

export function wakeSender() {
  if (!runner) return
  for (const ms of RECHECK_MS) {
    const timer = setTimeout(() => {
      timers.delete(timer)
      void drain()
    }, ms)
    timer.unref?.()
    timers.add(timer)
  }
}
