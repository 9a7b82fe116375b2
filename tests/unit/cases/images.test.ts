import { crc32, createDeflate } from 'node:zlib'
import sharp, { type Sharp } from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoImageKinds, demoImageSvg, drawDemoImage } from '~~/server/cases/demo-images'
import { imageViewOf, MAX_INPUT_PIXELS, processImage, readImageFile, storeImage, type ProcessedImage } from '~~/server/cases/images'
import { migrateToLatest } from '~~/server/database/migrate'
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from '#shared/cases/vocabulary'
import { dialects, type TestDatabase } from '~~/tests/support/databases'

/** GPSLatitude's degrees from an EXIF block (`Exif\0\0` + TIFF), or null when it has no GPS directory. */
function gpsLatitude(exif: Buffer | undefined): number | null {
  if (!exif) return null
  const tiff = exif.subarray(exif.indexOf('II*\0') >= 0 ? exif.indexOf('II*\0') : exif.indexOf('MM\0*'))
  const le = tiff[0] === 0x49
  const u16 = (o: number) => le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o)
  const u32 = (o: number) => le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o)
  const entry = (ifd: number, tag: number) => {
    for (let i = 0; i < u16(ifd); i++) if (u16(ifd + 2 + i * 12) === tag) return ifd + 2 + i * 12
    return null
  }
  const pointer = entry(u32(4), 0x8825)
  if (pointer === null) return null
  const latitude = entry(u32(pointer + 8), 0x0002)
  if (latitude === null) return null
  const at = u32(latitude + 8)
  return u32(at) / u32(at + 4)
}

/** A whole, valid PNG of width × height black pixels: 300 MB once decoded, a few hundred KB as a file. */
async function pngBomb(width: number, height: number): Promise<Buffer> {
  const row = Buffer.alloc(1 + width * 3)
  const deflate = createDeflate({ level: 1 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  const ended = new Promise(resolve => deflate.on('end', resolve))
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await new Promise(resolve => deflate.once('drain', resolve))
  }
  deflate.end()
  await ended
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([head, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per sample
  header[9] = 2 // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', header), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))])
}

/** Left half red, right half blue: where the red lands shows how the picture was turned. */
const halves = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
  .composite([{ input: { create: { width: width / 2, height, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])

const phonePhoto = async () => halves(800, 600).jpeg({ quality: 90 })
  .withMetadata({ orientation: 6 })
  .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 12/1 0/1' } })
  .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="39,7.0N"/></rdf:RDF></x:xmpmeta>')
  .toBuffer()

const plain = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#5a8' } }).jpeg().toBuffer()

async function refusal(input: Uint8Array) {
  const error = await processImage(input).then(() => null, (e: { statusCode: number, data: { reason: string, fieldErrors: Record<string, string[]> } }) => e)
  expect(error, 'the upload should have been refused').not.toBeNull()
  return { status: error!.statusCode, reason: error!.data.reason, message: error!.data.fieldErrors.file?.[0] }
}

describe('processImage', () => {
  it('keeps no EXIF, GPS or XMP from a phone photo', async () => {
    const input = await phonePhoto()
    const before = await sharp(input).metadata()
    expect(gpsLatitude(before.exif)).toBe(39)
    expect(before.xmp).toBeDefined()

    const { files } = await processImage(input)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const after = await sharp(file.bytes).metadata()
      expect(after.exif, file.name).toBeUndefined()
      expect(after.xmp, file.name).toBeUndefined()
      expect(gpsLatitude(after.exif)).toBeNull()
      expect(file.bytes.includes('Exif'), file.name).toBe(false)
      expect(file.bytes.includes('PhoneMaker'), file.name).toBe(false)
    }
  })

  it('applies the EXIF orientation: a picture stored on its side comes out upright', async () => {
    const result = await processImage(await phonePhoto())
    expect([result.width, result.height]).toEqual([600, 800])
    expect(result.widths).toEqual([480, 600])
    const { data, info } = await sharp(result.files.find(f => f.name.endsWith('-600.jpg'))!.bytes).raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([600, 800])
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
    // Orientation 6 means "turn 90° clockwise to show": the stored left half (red) becomes the top.
    expect(pixel(300, 100)[0]).toBeGreaterThan(200)
    expect(pixel(300, 100)[2]).toBeLessThan(60)
    expect(pixel(300, 700)[2]).toBeGreaterThan(200)
    expect(pixel(300, 700)[0]).toBeLessThan(60)
  })

  it('takes a PNG by its bytes, whatever it is called, and flattens transparency onto white', async () => {
    const png = await sharp({ create: { width: 700, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer()
    const result = await processImage(png)
    expect(result.widths).toEqual([480, 700])
    const jpeg = result.files.find(f => f.name.endsWith('-700.jpg'))!
    expect(jpeg.contentType).toBe('image/jpeg')
    expect((await sharp(jpeg.bytes).metadata()).format).toBe('jpeg')
    const { data } = await sharp(jpeg.bytes).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(245)
    const webp = result.files.find(f => f.name.endsWith('-700.webp'))!
    expect(webp.contentType).toBe('image/webp')
    expect((await sharp(webp.bytes).metadata()).format).toBe('webp')
  })

  it('takes a WebP', async () => {
    const webp = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#abc' } }).webp().toBuffer()
    expect((await processImage(webp)).widths).toEqual([480, 960, 1000])
  })

  it('never enlarges: no output is wider than the input, and each file is as wide as its name says', async () => {
    for (const [width, widths] of [[700, [480, 700]], [2400, [480, 960, 1600]], [1600, [480, 960, 1600]], [300, [300]]] as const) {
      const result = await processImage(await plain(width, 300))
      expect(result.widths, `${width} px`).toEqual(widths)
      expect(result.width).toBe(Math.min(width, 1600))
      expect(result.files).toHaveLength(widths.length * 2)
      for (const file of result.files) {
        const named = Number(/-(\d+)\.(?:webp|jpg)$/.exec(file.name)![1])
        const actual = (await sharp(file.bytes).metadata()).width
        expect(actual, file.name).toBe(named)
        expect(actual).toBeLessThanOrEqual(width)
      }
    }
  })

  it('names files by a content hash: the same picture twice gives the same names, another picture others', async () => {
    const a = await processImage(await plain(700, 300))
    const b = await processImage(await plain(700, 300))
    const c = await processImage(await plain(701, 300))
    expect(a.hash).toMatch(/^[a-f0-9]{32}$/)
    expect(b.hash).toBe(a.hash)
    expect(c.hash).not.toBe(a.hash)
    expect(a.files.map(f => f.name)).toEqual([`${a.hash}-480.webp`, `${a.hash}-480.jpg`, `${a.hash}-700.webp`, `${a.hash}-700.jpg`])
  })

  it('refuses a truncated JPEG with a 422 that says so', async () => {
    const whole = await halves(800, 600).jpeg().toBuffer()
    await expect(processImage(whole)).resolves.toBeDefined()
    const problem = await refusal(whole.subarray(0, Math.floor(whole.length * 0.6)))
    expect(problem).toMatchObject({ status: 422, reason: 'damaged' })
    expect(problem.message).toMatch(/damaged or incomplete/)
  })

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = await pngBomb(10_000, 10_000)
    expect(bomb.byteLength).toBeLessThan(MAX_IMAGE_BYTES)
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 10_000, height: 10_000 })
    const problem = await refusal(bomb)
    // 'too-many-pixels' comes from reading the header only; a refusal while decoding would say 'damaged'.
    expect(problem).toMatchObject({ status: 422, reason: 'too-many-pixels' })
    expect(problem.message).toMatch(/too many pixels/)
  })

  it('refuses a picture longer than WebP allows (200×17000, within every other limit) with a 422 that gives the limit in pixels', async () => {
    const tall = await sharp({ create: { width: 200, height: 17_000, channels: 3, background: '#5a8' } }).png().toBuffer()
    expect(tall.byteLength).toBeLessThan(MAX_IMAGE_BYTES)
    expect(200 * 17_000).toBeLessThan(MAX_INPUT_PIXELS)
    const problem = await refusal(tall)
    expect(problem).toMatchObject({ status: 422, reason: 'too-long' })
    expect(problem.message).toMatch(/at most 16383 pixels/)
    // On its side (EXIF orientation 6) the same picture is 17000 wide once turned: refused the same way.
    const wide = await sharp({ create: { width: 17_000, height: 200, channels: 3, background: '#5a8' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer()
    expect(await refusal(wide)).toMatchObject({ status: 422, reason: 'too-long' })
  }, 30_000)

  it('takes a picture exactly as long as WebP allows', async () => {
    const longest = await sharp({ create: { width: 200, height: MAX_IMAGE_SIDE, channels: 3, background: '#5a8' } }).png().toBuffer()
    const result = await processImage(longest)
    expect([result.width, result.height]).toEqual([200, MAX_IMAGE_SIDE])
    expect((await sharp(result.files.find(f => f.name.endsWith('.webp'))!.bytes).metadata()).height).toBe(MAX_IMAGE_SIDE)
  }, 30_000)

  it('answers any other failure to encode with a 422 the submitter can act on, never a 500', async () => {
    const input = await plain(700, 300)
    const original = sharp.prototype.toBuffer
    let calls = 0
    // The first toBuffer is the decode; every encode after it fails, as sharp's WebP encoder does on a picture it cannot take.
    const spy = vi.spyOn(sharp.prototype, 'toBuffer').mockImplementation(function (this: Sharp, ...args: unknown[]) {
      return calls++ === 0 ? (original as (...a: unknown[]) => Promise<Buffer>).apply(this, args) : Promise.reject(new Error('Processed image is too large for the WebP format'))
    } as typeof original)
    try {
      const problem = await refusal(input)
      expect(problem).toMatchObject({ status: 422, reason: 'not-converted' })
      expect(problem.message).toMatch(/could not be converted/)
    }
    finally {
      spy.mockRestore()
    }
    await expect(processImage(input)).resolves.toBeDefined()
  })

  it('refuses more than 8 MB with a 413, before looking at it', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1)
    big.set([0xFF, 0xD8, 0xFF])
    expect(await refusal(big)).toMatchObject({ status: 413, reason: 'too-large' })
    expect((await refusal(big)).message).toMatch(/8 MB/)
  })

  it('refuses what is not a JPEG, PNG or WebP with a 415, whatever sharp could read', async () => {
    expect(await refusal(new TextEncoder().encode('This is a text file, not a picture.\n'))).toMatchObject({ status: 415, reason: 'not-an-image' })
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300"/></svg>')
    expect((await sharp(svg).metadata()).format).toBe('svg')
    expect(await refusal(svg)).toMatchObject({ status: 415, reason: 'not-an-image' })
    const gif = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).gif().toBuffer()
    expect(await refusal(gif)).toMatchObject({ status: 415 })
  })
})

describe('drawDemoImage', () => {
  it('draws every kind as a 1200×800 JPEG that the upload pipeline takes, its colours varied by the seed', async () => {
    for (const kind of demoImageKinds) {
      const jpeg = await drawDemoImage(kind, 1)
      expect(await sharp(jpeg).metadata(), kind).toMatchObject({ format: 'jpeg', width: 1200, height: 800 })
      expect((await processImage(jpeg)).widths).toEqual([480, 960, 1200])
      expect(demoImageSvg(kind, 2), kind).not.toBe(demoImageSvg(kind, 1))
    }
  }, 90_000)
})

describe('imageViewOf', () => {
  const row = { id: 'img1', submission_id: 's', position: 0, alt: '村口的信息服务站', hash: 'a'.repeat(32), width: 1600, height: 1067, widths_json: '[480,960,1600]', created_at: '2025-01-01T00:00:00.000Z' }

  it('gives WebP and JPEG srcsets and the middle JPEG as the fallback', () => {
    const h = 'a'.repeat(32)
    expect(imageViewOf(row)).toEqual({
      id: 'img1', alt: '村口的信息服务站', width: 1600, height: 1067,
      src: `/api/cases/images/${h}-960.jpg`,
      srcset: `/api/cases/images/${h}-480.webp 480w, /api/cases/images/${h}-960.webp 960w, /api/cases/images/${h}-1600.webp 1600w`,
      jpegSrcset: `/api/cases/images/${h}-480.jpg 480w, /api/cases/images/${h}-960.jpg 960w, /api/cases/images/${h}-1600.jpg 1600w`,
    })
  })

  it('puts a grant on every URL when one is given', () => {
    const view = imageViewOf(row, '?until=7200&sig=' + 'b'.repeat(32))
    const urls = [view.src, ...`${view.srcset}, ${view.jpegSrcset}`.split(', ').map(entry => entry.split(' ')[0]!)]
    expect(urls).toHaveLength(7)
    for (const url of urls) expect(url).toMatch(/^\/api\/cases\/images\/a{32}-\d+\.(webp|jpg)\?until=7200&sig=b{32}$/)
  })

  it('falls back to the widest JPEG up to 960 for a narrow picture', () => {
    expect(imageViewOf({ ...row, width: 700, widths_json: '[480,700]' }).src).toBe(`/api/cases/images/${row.hash}-700.jpg`)
    expect(imageViewOf({ ...row, width: 300, widths_json: '[300]' }).src).toBe(`/api/cases/images/${row.hash}-300.jpg`)
  })
})

describe.each(dialects)('stored images on $name', ({ open }) => {
  let t: TestDatabase
  let processed: ProcessedImage
  const submissionId = 'sub-images-1'
  beforeAll(async () => {
    t = await open()
    await migrateToLatest(t.db)
    const now = new Date().toISOString()
    await t.db.insertInto('case_calls').values({
      id: 'call-images', city_slug: 'tianjin', slug: 'images', year: 2025, title_zh: '征集', title_en: 'Call', rules_zh: '规则', rules_en: 'Rules',
      opens_at: now, closes_at: now, vote_opens_at: now, vote_closes_at: now, votes_per_person: 3, vote_weight: 20,
      weight_exemplary: 40, weight_innovative: 30, weight_replicable: 30, ranking_published_at: null, source: 'user', created_at: now, updated_at: now,
    }).execute()
    await t.db.insertInto('case_submissions').values({
      id: submissionId, call_id: 'call-images', slug: null, status: 'draft', reject_reason: null, title: '案例', organisation_name: null, credit_code: null,
      district: null, theme: null, summary: null, description: null, outcomes_json: '[]', contact_name_enc: null, contact_phone_enc: null, phone_hash: null,
      edit_code_hash: 'x', submitted_by: null, organisation_id: null, hidden_at: null, hidden_reason: null, submitted_at: null, published_at: null,
      awarded_at: null, purge_after: now, anonymised_at: null, source: 'user', created_at: now, updated_at: now,
    }).execute()
    processed = await processImage(await plain(700, 300))
  })
  afterAll(async () => t?.close())

  it('keeps the bytes and gives them back as a Buffer, byte for byte', async () => {
    const row = await storeImage(t.db, submissionId, 0, '一张测试图片', processed)
    expect(row).toMatchObject({ submission_id: submissionId, position: 0, hash: processed.hash, width: 700, height: 300, widths_json: '[480,700]' })
    for (const file of processed.files) {
      const found = await readImageFile(t.db, file.name)
      expect(found?.contentType).toBe(file.contentType)
      expect(Buffer.isBuffer(found?.bytes)).toBe(true)
      expect(found!.bytes.equals(file.bytes)).toBe(true)
    }
    expect(await readImageFile(t.db, `${'0'.repeat(32)}-480.jpg`)).toBeUndefined()
  })

  it('stores the same picture again without duplicating its files', async () => {
    const again = await storeImage(t.db, submissionId, 1, '同一张图片', processed)
    const rows = await t.db.selectFrom('case_images').select('id').where('hash', '=', processed.hash).execute()
    expect(rows.map(r => r.id)).toContain(again.id)
    expect(rows).toHaveLength(2)
    const files = await t.db.selectFrom('case_image_files').select('name').where('name', 'like', `${processed.hash}-%`).execute()
    expect(files).toHaveLength(processed.files.length)
  })
})
