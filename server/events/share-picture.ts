import sharp from 'sharp'

// libvips keeps up to 50 MB of past operations by default: a server that draws a picture now and then keeps none.
sharp.cache(false)

/** What a share picture says, already in the reader's language. */
export interface ShareCard {
  heading: string
  title: string
  lines: string[]
  badge: string
  cta: string
  address: string
  hotline: string
  qrSvg: string
}

export const SHARE_WIDTH = 1080
const MARGIN = 72
const ACCENT = '#9e1b1b'
// librsvg finds fonts through fontconfig: without a CJK font installed the Chinese comes out as boxes (README: fonts-noto-cjk).
const FONT = `'Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', sans-serif`

const escape = (s: string) => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
/** Chinese characters are a full em wide; Latin letters and digits about half. */
const charWidth = (c: string) => (c.codePointAt(0)! >= 0x2E80 ? 1 : 0.56)

/** Breaks text into lines that fit `width` pixels at `size`, at most `max` lines (the last ends with …). */
export function wrap(text: string, size: number, width: number, max = Infinity): string[] {
  const lines: string[] = []
  let line = ''
  let used = 0
  for (const c of text) {
    const w = charWidth(c) * size
    if (used + w > width && line) {
      lines.push(line)
      line = ''
      used = 0
    }
    line += c
    used += w
  }
  if (line) lines.push(line)
  if (lines.length <= max) return lines
  return [...lines.slice(0, max - 1), `${lines[max - 1]!.slice(0, -1)}…`]
}

const textLines = (lines: string[], y: number, size: number, step: number, attrs = '') =>
  lines.map((l, i) => `<text x="${MARGIN}" y="${y + i * step}" font-size="${size}" ${attrs}>${escape(l)}</text>`).join('')

/** The poster as one tall picture for a chat group: title, facts, the QR code and the hotline. */
export function shareSvg(card: ShareCard): string {
  const inner = SHARE_WIDTH - 2 * MARGIN
  const title = wrap(card.title, 76, inner, 3)
  const facts = card.lines.flatMap(l => wrap(l, 44, inner, 2))
  let y = 150 + 120
  const parts = [textLines(title, y, 76, 100, 'font-weight="700"')]
  y += title.length * 100 + 10
  parts.push(textLines(facts, y, 44, 66))
  y += facts.length * 66 + 10
  parts.push(`<rect x="${MARGIN}" y="${y}" width="${wrap(card.badge, 44, inner)[0]!.length * 44 + 60}" height="80" rx="12" fill="none" stroke="${ACCENT}" stroke-width="5"/>`)
  parts.push(`<text x="${MARGIN + 30}" y="${y + 56}" font-size="44" font-weight="700" fill="${ACCENT}">${escape(card.badge)}</text>`)
  y += 120
  const qrSize = 420
  parts.push(card.qrSvg.replace('<svg ', `<svg x="${MARGIN}" y="${y}" width="${qrSize}" height="${qrSize}" `))
  const right = MARGIN + qrSize + 40
  const rightWidth = SHARE_WIDTH - MARGIN - right
  const address = wrap(card.address, 34, rightWidth, 4)
  const side = [
    `<text x="${right}" y="${y + 80}" font-size="56" font-weight="700">${escape(card.cta)}</text>`,
    ...address.map((l, i) => `<text x="${right}" y="${y + 150 + i * 46}" font-size="34">${escape(l)}</text>`),
    ...wrap(card.hotline, 40, rightWidth, 2).map((l, i) => `<text x="${right}" y="${y + 190 + address.length * 46 + i * 54}" font-size="40" font-weight="700">${escape(l)}</text>`),
  ]
  parts.push(...side)
  const height = y + qrSize + MARGIN
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${height}" viewBox="0 0 ${SHARE_WIDTH} ${height}">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>`
    + `<rect width="100%" height="150" fill="${ACCENT}"/>`
    + `<g font-family="${FONT}" fill="#1a1a1a">`
    + `<text x="${MARGIN}" y="96" font-size="48" font-weight="700" fill="#ffffff">${escape(card.heading)}</text>`
    + parts.join('')
    + `</g><rect x="0" y="${height - 24}" width="100%" height="24" fill="${ACCENT}"/></svg>`
}

/** The share picture as PNG, drawn by sharp (librsvg) without a browser. */
export const sharePicture = (card: ShareCard): Promise<Buffer> => sharp(Buffer.from(shareSvg(card))).png().toBuffer()
