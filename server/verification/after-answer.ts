/**
 * Runs work once the answer is on its way and logs a failure instead of reporting
 * it: the caller's status and waiting time then say nothing about what the work
 * found (whether a number already has a code, whether the gateway is slow or down).
 * Work still running when the process stops is lost; the resident asks again.
 */
export function afterAnswer(what: string, work: () => Promise<unknown>): void {
  setImmediate(() => {
    work().catch(error => console.error(`[portal] ${what} failed: ${(error as Error).message}`))
  })
}
