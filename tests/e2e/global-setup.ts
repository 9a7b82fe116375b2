import { spawnSync } from 'node:child_process'
import type { TestProject } from 'vitest/node'
import { root, startServer } from '~~/tests/support/server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

/** Builds the app once (unless PORTAL_TEST_SKIP_BUILD=1) and serves it for every browser and API test. */
export default async function setup(project: TestProject) {
  if (process.env.PORTAL_TEST_SKIP_BUILD !== '1') {
    const build = spawnSync('nuxt', ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NUXT_TELEMETRY_DISABLED: '1' } })
    if (build.status !== 0) throw new Error('nuxt build failed')
  }
  // Residents' per-address limits are scaled up: every test request comes from 127.0.0.1.
  const server = await startServer({ PORTAL_RATE_SCALE: '100' })
  project.provide('baseURL', server.url)
  return async () => {
    await server.stop()
  }
}
