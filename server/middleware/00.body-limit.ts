import type { IncomingMessage } from 'node:http'
import type { H3Event } from 'h3'
import { bodyLimitFor } from '~~/server/utils/body-limit'

// h3 keeps a request's raw body under this symbol; readBody, readRawBody and
// readMultipartFormData all take it from there instead of reading the stream.
const rawBody = Symbol.for('h3RawBody')
const withBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Every request body is capped while it arrives, with or without a
 * Content-Length: the 413 goes out as soon as the cap is passed, and what was
 * read so far is dropped, so a huge chunked body costs no more memory than the cap.
 */
export default defineEventHandler(async (event) => {
  if (!withBody.has(event.method)) return
  const req = event.node.req
  const limit = bodyLimitFor(event.path)
  const declared = Number(req.headers['content-length'])
  if (declared > limit) tooLarge(event)
  if (!declared && !/\bchunked\b/i.test(req.headers['transfer-encoding'] ?? '')) return
  const body = await readCapped(req, limit)
  if (!body) tooLarge(event)
  ;(req as IncomingMessage & Record<symbol, unknown>)[rawBody] = Promise.resolve(body)
})

function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      done()
      chunks.length = 0
      resolve(null)
    }
    const onEnd = () => {
      done()
      resolve(Buffer.concat(chunks))
    }
    const onError = () => {
      done()
      reject(createError({ statusCode: 400, message: 'The request body did not arrive whole' }))
    }
    req.on('data', onData).on('end', onEnd).on('error', onError)
  })
}

function tooLarge(event: H3Event): never {
  const { req, res } = event.node
  // Nothing more is read. Closing at once would reset the connection under the client before
  // it reads the 413, so the connection is cut a moment after the answer has gone out.
  req.pause()
  res.once('finish', () => setTimeout(() => req.destroy(), 2000).unref())
  throw createError({ statusCode: 413, message: 'The request body is too large' })
}
