import redisDriver from 'unstorage/drivers/redis'
import { portalConfig } from '../utils/config'

// With PORTAL_REDIS_URL the rate-limit counters move from this process's memory
// to Redis, so every instance behind the load balancer counts the same uses.
export default defineNitroPlugin(() => {
  const { redisUrl, redisPrefix } = portalConfig()
  if (!redisUrl) return
  const storage = useStorage()
  // Unmounting without disposing is synchronous: no request can see the memory mount afterwards.
  void storage.unmount('ratelimit', false)
  storage.mount('ratelimit', redisDriver({ url: redisUrl, base: `${redisPrefix}:ratelimit` }))
})
