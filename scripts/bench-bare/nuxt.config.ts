// The bare Nuxt page `npm run bench` measures the portal against: the same lock file and node_modules,
// one page that lists 20 items from one API route, nothing else. Built into scripts/bench-bare/.output.
import { defineNuxtConfig } from 'nuxt/config'

export default defineNuxtConfig({
  devtools: { enabled: false },
  compatibilityDate: '2025-07-15',
  telemetry: false,
})
