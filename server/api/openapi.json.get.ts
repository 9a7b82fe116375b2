import { openApiDocument } from '~~/server/openapi/document'

export default defineEventHandler((event) => {
  cachePublic(event, 3600)
  return openApiDocument()
})
