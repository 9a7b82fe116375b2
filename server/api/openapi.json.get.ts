import { openApiDocument } from '../openapi/document'

export default defineEventHandler((event) => {
  cachePublic(event, 3600)
  return openApiDocument()
})
