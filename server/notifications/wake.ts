/**
 * Lets a queued message go out within seconds of its commit instead of at
 * the next minute tick. `enqueue` runs inside the transaction, so the wake
 * looks again a little later too, in case the commit had not landed yet. The
 * scheduled `notifications:send` stays as the safety net (and for instances
 * that did not take the booking).
 */
import { log } from '~~/server/utils/log'

type Run = () => Promise<unknown>

let runner: Run | undefined
let running = false
let again = false
let failures = 0
const timers = new Set<ReturnType<typeof setTimeout>>()

/** After a failed run (the database away), tries again soon and keeps trying: claims and unwritten outcomes wait for it. */
const RETRY_MS = [1000, 2000, 5000]

/** Installed once per server by the notifications plugin; without it (tests, scripts) a wake does nothing. */
export function installSender(run: Run | undefined) {
  runner = run
  failures = 0
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
      await runner?.().then(recovered, failed)
    } while (again)
  }
  finally {
    running = false
  }
}

function recovered() {
  if (failures) log.warn({ failures }, 'sending messages works again')
  failures = 0
}

// One line when sending starts failing and one when it works again, not one per try.
function failed(error: unknown) {
  if (!failures) log.error({ error: (error as Error).message }, 'sending messages failed: trying again every few seconds')
  failures++
  later(RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]!)
}

function later(ms: number) {
  const timer = setTimeout(() => {
    timers.delete(timer)
    void drain()
  }, ms)
  timer.unref?.()
  timers.add(timer)
}

const RECHECK_MS = [25, 1000, 4000]

export function wakeSender() {
  if (!runner) return
  for (const ms of RECHECK_MS) later(ms)
}
