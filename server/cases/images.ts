import { createHash } from 'node:crypto'
import { createError } from 'h3'
import type { Kysely, Selectable } from 'kysely'
import sharp, { type Metadata, type OutputInfo } from 'sharp'
import { IMAGE_WIDTHS, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from '#shared/cases/vocabulary'
import type { ImageView } from '#shared/cases/views'
import { newId, nowIso } from '~~/server/database/ids'
import type { CaseImageFilesTable, CaseImagesTable, Database } from '~~/server/database/schema'

// libvips keeps up to 50 MB of past operations by default: a server that draws a picture now and then keeps none.
sharp.cache(false)

export type CaseImageRow = Selectable<CaseImagesTable>

export interface ImageFile {
  name: string
  contentType: CaseImageFilesTable['content_type']
  bytes: Buffer
}

export interface ProcessedImage {
  /** Of the largest JPEG: the same picture uploaded twice shares its files. */
  hash: string
  width: number
  height: number
  widths: number[]
  files: ImageFile[]
}

/** Why an upload was refused, as `data.reason` (the field message is in `data.fieldErrors.file`). */
export type ImageProblem = 'too-large' | 'not-an-image' | 'too-many-pixels' | 'damaged' | 'too-small' | 'too-long' | 'not-converted'

/** A phone photo is 12–50 MP; above this the header alone refuses it, before any pixel is decoded. */
export const MAX_INPUT_PIXELS = 40_000_000
const MIN_WIDTH = 100
const QUALITY = 78
const URL_PREFIX = '/api/cases/images/'

const problems: Record<ImageProblem, { statusCode: number, message: string }> = {
  'too-large': { statusCode: 413, message: `This picture is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Please choose a smaller one.` },
  'not-an-image': { statusCode: 415, message: 'This file is not a JPEG, PNG or WebP picture.' },
  'too-many-pixels': { statusCode: 422, message: `This picture has too many pixels (more than ${MAX_INPUT_PIXELS / 1_000_000} million). Please make it smaller and try again.` },
  'damaged': { statusCode: 422, message: 'This picture is damaged or incomplete. Please choose another file.' },
  'too-small': { statusCode: 422, message: `This picture is too small to show. It must be at least ${MIN_WIDTH} pixels wide.` },
  'too-long': { statusCode: 422, message: `This picture is too long or too wide: each side can be at most ${MAX_IMAGE_SIDE} pixels. Please crop it or make it smaller.` },
  'not-converted': { statusCode: 422, message: 'This picture could not be converted. Please save it again as a JPEG or PNG, or choose another one.' },
}

function refuse(reason: ImageProblem): never {
  const { statusCode, message } = problems[reason]
  throw createError({ statusCode, message, data: { reason, fieldErrors: { file: [message] } } })
}

type Format = 'jpeg' | 'png' | 'webp'

/** The type from the first bytes, so nothing else (SVG, TIFF, HEIF…) ever reaches a decoder. The name is never looked at. */
function sniff(b: Uint8Array): Format | null {
  if (b[0] === 0xFF && b[1] === 0xD8 && b[2] === 0xFF) return 'jpeg'
  if ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A].every((byte, i) => b[i] === byte)) return 'png'
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to))
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  return null
}

/** Every width of IMAGE_WIDTHS narrower than the picture, and the picture's own width when it is narrower than the largest. */
export function widthsFor(width: number): number[] {
  const largest = Math.max(...IMAGE_WIDTHS)
  const widths: number[] = IMAGE_WIDTHS.filter(w => w < width)
  if (width <= largest) widths.push(width)
  return widths
}

/**
 * Re-encodes an upload: orientation applied, no metadata kept (EXIF, GPS, XMP, ICC:
 * sharp writes none unless asked with keepMetadata/withMetadata), every width in WebP and JPEG.
 */
export async function processImage(input: Uint8Array): Promise<ProcessedImage> {
  if (input.byteLength > MAX_IMAGE_BYTES) refuse('too-large')
  const format = sniff(input)
  if (!format) refuse('not-an-image')
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const
  let metadata: Metadata
  try {
    metadata = await sharp(input, options).metadata()
  }
  catch (error) {
    refuse(/pixel limit/i.test(String((error as Error).message)) ? 'too-many-pixels' : 'damaged')
  }
  if (metadata.format !== format) refuse('damaged')
  const oriented = metadata.autoOrient ?? { width: metadata.width, height: metadata.height }
  if (oriented.width < MIN_WIDTH) refuse('too-small')
  // WebP holds at most 16383 px a side and no width is ever enlarged, so this alone keeps every encode possible.
  if (oriented.width > MAX_IMAGE_SIDE || oriented.height > MAX_IMAGE_SIDE) refuse('too-long')
  const widths = widthsFor(oriented.width)
  const largest = widths.at(-1)!

  // One decode, at the largest width; the smaller widths are made from it.
  let base: { data: Buffer, info: OutputInfo }
  try {
    base = await sharp(input, options).rotate().flatten({ background: '#ffffff' }).toColourspace('srgb')
      .resize({ width: largest, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true })
  }
  catch {
    refuse('damaged')
  }
  const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } }
  let encoded: { width: number, jpeg: Buffer, webp: Buffer }[]
  try {
    encoded = await Promise.all(widths.map(async (width) => {
      const sized = () => width === base.info.width ? sharp(base.data, raw) : sharp(base.data, raw).resize({ width })
      const [jpeg, webp] = await Promise.all([
        sized().jpeg({ quality: QUALITY, mozjpeg: true }).toBuffer(),
        sized().webp({ quality: QUALITY }).toBuffer(),
      ])
      return { width, jpeg, webp }
    }))
  }
  catch {
    // Whatever else a decoder lets through but an encoder refuses is the picture's problem, not the server's.
    refuse('not-converted')
  }
  const hash = createHash('sha256').update(encoded.at(-1)!.jpeg).digest('hex').slice(0, 32)
  const files = encoded.flatMap(({ width, jpeg, webp }): ImageFile[] => [
    { name: `${hash}-${width}.webp`, contentType: 'image/webp', bytes: webp },
    { name: `${hash}-${width}.jpg`, contentType: 'image/jpeg', bytes: jpeg },
  ])
  return { hash, width: base.info.width, height: base.info.height, widths, files }
}

/** Keeps the files (those of an identical earlier upload are already there) and the submission's image row. */
export async function storeImage(db: Kysely<Database>, submissionId: string, position: number, alt: string, processed: ProcessedImage): Promise<CaseImageRow> {
  const createdAt = nowIso()
  await db.insertInto('case_image_files')
    .values(processed.files.map(f => ({ name: f.name, content_type: f.contentType, bytes: f.bytes, created_at: createdAt })))
    .onConflict(oc => oc.column('name').doNothing())
    .execute()
  const row: CaseImageRow = {
    id: newId(), submission_id: submissionId, position, alt, hash: processed.hash,
    width: processed.width, height: processed.height, widths_json: JSON.stringify(processed.widths), created_at: createdAt,
  }
  await db.insertInto('case_images').values(row).execute()
  return row
}

const fileUrlOf = (hash: string, width: number, ext: 'webp' | 'jpg', grant: string) => `${URL_PREFIX}${hash}-${width}.${ext}${grant}`

/** `grant`: imageGrant()'s query string, for a case the public may not see (server/cases/image-access.ts). */
export function imageViewOf(row: CaseImageRow, grant = ''): ImageView {
  const widths = JSON.parse(row.widths_json) as number[]
  const fallback = widths.filter(w => w <= 960).at(-1) ?? widths[0]!
  const fileUrl = (w: number, ext: 'webp' | 'jpg') => fileUrlOf(row.hash, w, ext, grant)
  const list = (ext: 'webp' | 'jpg') => widths.map(w => `${fileUrl(w, ext)} ${w}w`).join(', ')
  return {
    id: row.id, alt: row.alt, width: row.width, height: row.height,
    src: fileUrl(fallback, 'jpg'), srcset: list('webp'), jpegSrcset: list('jpg'),
  }
}

/** One stored file by its name; node:sqlite gives a Uint8Array and pg a Buffer, so the bytes are made a Buffer here. */
export async function readImageFile(db: Kysely<Database>, name: string): Promise<{ contentType: ImageFile['contentType'], bytes: Buffer } | undefined> {
  const row = await db.selectFrom('case_image_files').select(['content_type', 'bytes']).where('name', '=', name).executeTakeFirst()
  if (!row) return undefined
  const bytes = Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength)
  return { contentType: row.content_type, bytes }
}
