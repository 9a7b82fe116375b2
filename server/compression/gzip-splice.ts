import { constants, crc32, deflateRawSync } from 'node:zlib'

// RFC 1952 member header: magic, deflate, no flags, no mtime, no extra flags, OS unix.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
// RFC 1951 empty final block: BFINAL=1, fixed Huffman, end-of-block; 10 bits padded to two bytes.
const FINAL_BLOCK = Buffer.from([0x03, 0x00])

/** A stored (uncompressed) block, not final, for a stream that stands on a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length > 0xffff) throw new RangeError('a stored block holds at most 65535 bytes')
  const block = Buffer.alloc(5 + bytes.length) // first byte 0: BFINAL=0, BTYPE=00, padding
  block.writeUInt16LE(bytes.length, 1)
  block.writeUInt16LE(~bytes.length & 0xffff, 3)
  bytes.copy(block, 5)
  return block
}

// LZ77 distances reach 32 KiB back; that much of the text before a piece is its dictionary.
const WINDOW = 32 * 1024
// 0xFF never occurs in UTF-8, so no piece can match a stand-in made of it.
const STAND_IN = 0xff

/**
 * A text with a placeholder (the CSP nonce) that is replaced by a new value in
 * every reply, kept so that the gzip form costs no compression per reply: the
 * pieces between placeholders are compressed once, each as raw DEFLATE blocks
 * that end on a byte boundary without a final block (Z_SYNC_FLUSH), and a reply
 * is those blocks with the value in a stored block between them, an empty final
 * block, and the CRC-32 and length of the whole text.
 *
 * Each piece is compressed with the text before it as its dictionary, so it may
 * refer back across a placeholder as one stream would; the places of the value
 * hold bytes no piece contains (the value's length of 0xFF), so no reference
 * ever lands on the value, whatever it is.
 */
export class SplicedText {
  private readonly pieces: Buffer[]
  private readonly level: number
  private deflated?: { valueBytes: number, blocks: Buffer[] }

  constructor(text: string, placeholder: string | undefined, level = 6) {
    this.level = level
    this.pieces = (placeholder ? text.split(placeholder) : [text]).map(piece => Buffer.from(piece))
  }

  /** The bytes kept: the pieces, and their compressed blocks once a gzip reply has asked for them. */
  get keptBytes(): number {
    const sum = (buffers: Buffer[]) => buffers.reduce((n, b) => n + b.length, 0)
    return sum(this.pieces) + sum(this.deflated?.blocks ?? [])
  }

  /** Bytes of the text (UTF-8) with `value` in each place of the placeholder. */
  text(value: string): Buffer {
    if (this.pieces.length === 1) return this.pieces[0]!
    const between = Buffer.from(value)
    return Buffer.concat(this.pieces.flatMap((piece, i) => (i ? [between, piece] : [piece])))
  }

  /** The pieces compressed, for values of this many bytes (the nonce's length never changes: once). */
  private blocks(valueBytes: number): Buffer[] {
    if (this.deflated?.valueBytes === valueBytes) return this.deflated.blocks
    const whole = Buffer.concat(this.pieces.flatMap((piece, i) => (i ? [Buffer.alloc(valueBytes, STAND_IN), piece] : [piece])))
    let start = 0
    const blocks = this.pieces.map((piece, i) => {
      if (i) start += valueBytes
      const dictionary = whole.subarray(Math.max(0, start - WINDOW), start)
      start += piece.length
      return deflateRawSync(piece, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary.length ? { dictionary } : {}) })
    })
    this.deflated = { valueBytes, blocks }
    return blocks
  }

  /** The same text as one gzip member, spliced from the pieces compressed once. */
  gzip(value: string): Buffer {
    const between = Buffer.from(value)
    const blocks = this.blocks(between.length)
    const stored = storedBlock(between)
    const parts: Buffer[] = [GZIP_HEADER]
    let crc = 0
    let size = 0
    this.pieces.forEach((piece, i) => {
      if (i) {
        parts.push(stored)
        crc = crc32(between, crc)
        size += between.length
      }
      parts.push(blocks[i]!)
      crc = crc32(piece, crc)
      size += piece.length
    })
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc >>> 0, 0)
    trailer.writeUInt32LE(size % 2 ** 32, 4)
    parts.push(FINAL_BLOCK, trailer)
    return Buffer.concat(parts)
  }
}
