import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '~~/server/events/posters'
import { SHARE_WIDTH, sharePicture, shareSvg, wrap, type ShareCard } from '~~/server/events/share-picture'

const url = 'https://portal.example.cn/events/heping-mobile-payment-for-seniors'

async function decode(image: Buffer) {
  const { data, info } = await sharp(image).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data
}

const card = async (title = '老年人手机支付体验课'): Promise<ShareCard> => ({
  heading: '沈阳信息消费体验周',
  title,
  lines: ['时间：2030年1月1日 周二 09:30', '地点：和平区数字生活体验中心', '适合谁：老年人'],
  badge: '免费参加',
  cta: '扫码报名',
  address: url.replace('https://', ''),
  hotline: '咨询电话 024-12345',
  qrSvg: await qrSvg(url),
})

describe('the share picture', () => {
  it('is a PNG 1080 px wide whose QR code reads back as the page\'s address', async () => {
    const png = await sharePicture(await card())
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    const meta = await sharp(png).metadata()
    expect(meta.format).toBe('png')
    expect(meta.width).toBe(SHARE_WIDTH)
    expect(await decode(png)).toBe(url)
  })

  it('draws the Chinese title (a CJK font is installed): more ink than the same picture without it', async () => {
    const ink = async (c: ShareCard) => {
      const { data } = await sharp(Buffer.from(shareSvg(c))).greyscale().raw().toBuffer({ resolveWithObject: true })
      return data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0)
    }
    // Missing glyphs are drawn as empty boxes of equal size, so two different titles would give nearly the same ink; real glyphs do not.
    const dense = await ink(await card('警察警察警察警察'))
    const sparse = await ink(await card('一二一二一二一二'))
    // About 15 000 with Noto CJK; about 1 000 with only a Latin font (checked with FONTCONFIG_FILE naming a DejaVu-only config).
    expect(dense - sparse).toBeGreaterThan(8000)
  })

  it('escapes text, so a title with markup cannot break the picture', async () => {
    const svg = shareSvg(await card('<b>&"课"</b>'))
    expect(svg).toContain('&#60;b&#62;&#38;&#34;课&#34;&#60;/b&#62;')
    await expect(sharp(Buffer.from(svg)).png().toBuffer()).resolves.toBeInstanceOf(Buffer)
  })

  it('wraps long titles by width and ends the last allowed line with …', () => {
    expect(wrap('一二三四五六', 10, 30)).toEqual(['一二三', '四五六'])
    expect(wrap('abcdefghij', 10, 30)).toEqual(['abcde', 'fghij'])
    expect(wrap('一二三四五六七八九', 10, 30, 2)).toEqual(['一二三', '四五…'])
  })
})

describe('the poster\'s QR code', () => {
  it('is an SVG that decodes back to the URL it was made for', async () => {
    const svg = await qrSvg(url)
    expect(svg).toMatch(/^<svg /)
    const png = await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer()
    expect(await decode(png)).toBe(url)
  })
})
