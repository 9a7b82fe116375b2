import type { Redis } from 'ioredis'
import redisDriver from 'unstorage/drivers/redis'
import { redisOptions, watchRedis } from '~~/server/rate-limit/redis-client'
import { portalConfig } from '~~/server/utils/config'

// With PORTAL_REDIS_URL the rate-limit counters move from this process's memory
// to Redis, so every instance behind the load balancer counts the same uses.
// The client connects at start-up with short timeouts (rate-limit/redis-client.ts).
export default defineNitroPlugin((nitro) => {
  const { redisUrl, redisPrefix } = portalConfig()
  if (!redisUrl) return
  const driver = redisDriver({ url: redisUrl, base: `${redisPrefix}:ratelimit`, ...redisOptions })
  const client = driver.getInstance!() as Redis
  watchRedis(client)
  const storage = useStorage()
  // Unmounting without disposing is synchronous: no request can see the memory mount afterwards.
  void storage.unmount('ratelimit', false)
  storage.mount('ratelimit', driver)
  nitro.hooks.hook('close', () => client.disconnect())
})
