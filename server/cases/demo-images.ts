import sharp from 'sharp'

// libvips keeps up to 50 MB of past operations by default: a server that draws a picture now and then keeps none.
sharp.cache(false)

/**
 * The demo's case pictures, drawn here as shapes (no text: fonts differ between
 * machines) and rendered by sharp, so nothing is taken from anywhere else.
 */
export const demoImageKinds = ['info-station', 'elder-phone', 'parcel-locker', 'classroom', 'shop-payment', 'farm-livestream'] as const
export type DemoImageKind = typeof demoImageKinds[number]

type Rand = () => number

/** mulberry32: the same seed draws the same picture. */
function randomFrom(seed: number): Rand {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hsl(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const c = l / 100 - (s / 100) * Math.min(l / 100, 1 - l / 100) * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255).toString(16).padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!

interface Look { skin: string, hair: string, shirt: string, trousers: string }

function lookOf(rand: Rand, old = false): Look {
  return {
    skin: pick(rand, ['#f2c9a0', '#e8b48a', '#d9a07a', '#f5d3b3']),
    hair: old ? pick(rand, ['#d8d8d8', '#bfbfbf', '#e6e6e6']) : pick(rand, ['#2b2320', '#3a2a22', '#1f1f24']),
    shirt: hsl(rand() * 360, 55, 50),
    trousers: hsl(200 + rand() * 60, 30, 30),
  }
}

/** A person whose feet (or seat, when sitting) are at x, y; hands are offsets from there at scale 1. */
function person(x: number, y: number, s: number, look: Look, hands: [number, number][], o: { sit?: boolean, old?: boolean, hat?: string } = {}): string {
  const top = o.sit ? -150 : -240
  const hip = o.sit ? 0 : -120
  const legs = o.sit
    ? `<rect x="-50" y="-14" width="100" height="44" rx="16" fill="${look.trousers}"/><rect x="-42" y="10" width="32" height="100" rx="12" fill="${look.trousers}"/><rect x="10" y="10" width="32" height="100" rx="12" fill="${look.trousers}"/>`
    : `<rect x="-34" y="-125" width="30" height="125" rx="12" fill="${look.trousers}"/><rect x="4" y="-125" width="30" height="125" rx="12" fill="${look.trousers}"/>`
  const arms = hands.map(([hx, hy], i) => {
    const sx = i === 0 ? -40 : 40
    return `<path d="M${sx} ${top + 20}L${hx} ${hy}" stroke="${look.shirt}" stroke-width="24" stroke-linecap="round"/><circle cx="${hx}" cy="${hy}" r="13" fill="${look.skin}"/>`
  }).join('')
  const glasses = o.old ? `<g fill="none" stroke="#333" stroke-width="3"><circle cx="-12" cy="${top - 36}" r="9"/><circle cx="12" cy="${top - 36}" r="9"/><path d="M-3 ${top - 36}h6"/></g>` : ''
  const hat = o.hat ? `<ellipse cx="0" cy="${top - 62}" rx="62" ry="14" fill="${o.hat}"/><path d="M-32 ${top - 62}a32 30 0 0 1 64 0z" fill="${o.hat}"/>` : ''
  return `<g transform="translate(${x} ${y}) scale(${s})">${legs}
<path d="M-48 ${hip}L-44 ${top + 30}Q-44 ${top} -14 ${top}h28Q44 ${top} 44 ${top + 30}L48 ${hip}z" fill="${look.shirt}"/>
<rect x="-9" y="${top - 14}" width="18" height="18" fill="${look.skin}"/>
<circle cx="0" cy="${top - 38}" r="32" fill="${look.skin}"/>
<path d="M-33 ${top - 38}a33 33 0 0 1 66 0q-20 -14 -66 0z" fill="${look.hair}"/>
<circle cx="-12" cy="${top - 36}" r="3.5" fill="#222"/><circle cx="12" cy="${top - 36}" r="3.5" fill="#222"/>
<path d="M-10 ${top - 22}q10 8 20 0" stroke="#8a4b3a" stroke-width="3" fill="none" stroke-linecap="round"/>${glasses}${hat}${arms}</g>`
}

/** A phone showing a few coloured blocks; `call` shows a video call instead. */
function phone(x: number, y: number, w: number, h: number, accent: string, call = false): string {
  const screen = call
    ? `<circle cx="${w / 2}" cy="${h * 0.38}" r="${w * 0.24}" fill="#f2c9a0"/><path d="M${w * 0.2} ${h * 0.75}a${w * 0.3} ${w * 0.25} 0 0 1 ${w * 0.6} 0z" fill="${accent}"/><circle cx="${w / 2}" cy="${h * 0.88}" r="${w * 0.09}" fill="#e53935"/>`
    : `<rect x="${w * 0.15}" y="${h * 0.12}" width="${w * 0.7}" height="${h * 0.3}" rx="4" fill="${accent}"/><rect x="${w * 0.15}" y="${h * 0.5}" width="${w * 0.3}" height="${w * 0.3}" rx="4" fill="#ffb74d"/><rect x="${w * 0.55}" y="${h * 0.5}" width="${w * 0.3}" height="${w * 0.3}" rx="4" fill="#81c784"/>`
  return `<g transform="translate(${x} ${y})"><rect width="${w}" height="${h}" rx="${w * 0.14}" fill="#263238"/><rect x="${w * 0.08}" y="${h * 0.06}" width="${w * 0.84}" height="${h * 0.88}" rx="${w * 0.08}" fill="#e3f2fd"/><g transform="translate(${w * 0.08} ${h * 0.06}) scale(0.84 0.88)">${screen}</g></g>`
}

const heart = (x: number, y: number, r: number, fill: string) =>
  `<path d="M${x} ${y + r}C${x - r * 2} ${y - r * 0.2} ${x - r} ${y - r * 1.6} ${x} ${y - r * 0.5}C${x + r} ${y - r * 1.6} ${x + r * 2} ${y - r * 0.2} ${x} ${y + r}z" fill="${fill}"/>`

function outdoors(rand: Rand, groundY: number): string {
  const hue = 195 + rand() * 25
  const clouds = [0, 1, 2].map(() => {
    const cx = 100 + rand() * 1000
    const cy = 70 + rand() * 120
    return `<g fill="#fff" opacity="0.9"><ellipse cx="${cx}" cy="${cy}" rx="70" ry="26"/><ellipse cx="${cx + 40}" cy="${cy - 18}" rx="45" ry="28"/></g>`
  }).join('')
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(hue, 70, 72)}"/><stop offset="1" stop-color="${hsl(hue, 60, 90)}"/></linearGradient></defs>
<rect width="1200" height="800" fill="url(#sky)"/>${clouds}
<path d="M0 ${groundY - 90}Q250 ${groundY - 220} 520 ${groundY - 100}T1200 ${groundY - 120}V${groundY}H0z" fill="${hsl(110 + rand() * 30, 35, 62)}"/>
<rect y="${groundY}" width="1200" height="${800 - groundY}" fill="${hsl(90 + rand() * 30, 40, 48)}"/>`
}

function infoStation(rand: Rand): string {
  const wall = hsl(30 + rand() * 20, 40, 88)
  const roof = hsl(rand() * 20, 55, 38)
  const accent = hsl(190 + rand() * 40, 70, 45)
  const windows = [700, 960].map(x => `<rect x="${x}" y="450" width="90" height="80" fill="#bfe3f5" stroke="#6d4c41" stroke-width="8"/>`).join('')
  return `${outdoors(rand, 640)}
<circle cx="110" cy="470" r="90" fill="${hsl(120, 40, 38)}"/><rect x="98" y="520" width="24" height="120" fill="#6d4c41"/>
<rect x="620" y="390" width="460" height="250" fill="${wall}"/>${windows}<rect x="815" y="460" width="100" height="180" fill="#8d6e63"/>
<path d="M580 400L640 320H1060L1120 400Q1100 385 1080 392H620Q600 385 580 400z" fill="${roof}"/>
<rect x="345" y="470" width="30" height="170" fill="#546e7a"/><rect x="300" y="625" width="120" height="18" rx="6" fill="#455a64"/>
<rect x="220" y="260" width="280" height="220" rx="16" fill="#263238"/><rect x="236" y="276" width="248" height="188" rx="8" fill="#e3f2fd"/>
<rect x="252" y="292" width="130" height="90" rx="6" fill="${accent}"/><path d="M262 360l30-30 25 20 30-35 25 25" stroke="#fff" stroke-width="6" fill="none"/>
<rect x="394" y="292" width="74" height="40" rx="6" fill="#ffb74d"/><rect x="394" y="342" width="74" height="40" rx="6" fill="#81c784"/>
${[0, 1, 2, 3].map(i => `<rect x="${252 + i * 56}" y="398" width="44" height="48" rx="8" fill="${hsl(i * 80 + rand() * 40, 60, 62)}"/>`).join('')}
${person(560, 640, 1, lookOf(rand, true), [[-90, -250], [30, -120]], { old: true })}`
}

function elderPhone(rand: Rand): string {
  const wall = hsl(40 + rand() * 30, 45, 90)
  const sofa = hsl(rand() * 360, 35, 50)
  const accent = hsl(200 + rand() * 40, 70, 50)
  return `<rect width="1200" height="800" fill="${wall}"/><rect y="610" width="1200" height="190" fill="${hsl(30, 35, 62)}"/>
<rect x="820" y="110" width="280" height="240" fill="#bfe3f5" stroke="#fff" stroke-width="14"/><path d="M960 110v240M820 230h280" stroke="#fff" stroke-width="10"/>
<rect x="110" y="380" width="620" height="200" rx="40" fill="${sofa}"/><rect x="80" y="470" width="680" height="140" rx="30" fill="${sofa}" opacity="0.85"/>
<rect x="110" y="600" width="26" height="40" fill="#5d4037"/><rect x="704" y="600" width="26" height="40" fill="#5d4037"/>
<rect x="900" y="470" width="70" height="140" rx="8" fill="#a1887f"/><ellipse cx="935" cy="450" rx="80" ry="60" fill="${hsl(120, 40, 40)}"/>
${person(330, 505, 1.05, lookOf(rand, true), [[-34, -95], [34, -95]], { sit: true, old: true })}
${person(540, 640, 1, lookOf(rand), [[-160, -235], [40, -130]])}
${phone(293, 345, 74, 128, accent, true)}`
}

function parcelLocker(rand: Rand): string {
  const body = hsl(rand() * 360, 45, 55)
  const blocks = [40, 210, 1000].map((x, i) => {
    const h = 300 + i * 40
    const win = Array.from({ length: 15 }, (_, n) => `<rect x="${x + 20 + (n % 3) * 50}" y="${640 - h + 30 + Math.floor(n / 3) * 60}" width="30" height="36" fill="#fff8e1" opacity="0.8"/>`).join('')
    return `<rect x="${x}" y="${640 - h}" width="170" height="${h}" fill="${hsl(20 + rand() * 40, 20, 72)}"/>${win}`
  }).join('')
  const doors = Array.from({ length: 20 }, (_, n) => {
    const col = n % 4
    const row = Math.floor(n / 4)
    const x = 420 + col * 100 + (col >= 2 ? 120 : 0)
    if (n === 6) return `<rect x="${x}" y="${270 + row * 72}" width="92" height="64" fill="#37474f"/><rect x="${x + 14}" y="${290 + row * 72}" width="64" height="44" fill="#c08a4e"/><path d="M${x + 14} ${312 + row * 72}h64" stroke="#e8c48f" stroke-width="6"/><path d="M${x + 92} ${270 + row * 72}l50 -14v92l-50 -14z" fill="${body}"/>`
    return `<rect x="${x}" y="${270 + row * 72}" width="92" height="64" rx="4" fill="${body}"/><rect x="${x + 70}" y="${296 + row * 72}" width="12" height="12" rx="2" fill="#eceff1"/>`
  }).join('')
  return `${outdoors(rand, 640)}${blocks}<rect y="640" width="1200" height="160" fill="#b0bec5"/>
<rect x="400" y="220" width="640" height="420" rx="10" fill="#eceff1"/><rect x="380" y="200" width="680" height="30" rx="8" fill="#546e7a"/>
${doors}<rect x="620" y="270" width="100" height="120" rx="6" fill="#263238"/><rect x="630" y="280" width="80" height="100" rx="4" fill="#4fc3f7"/>
<rect x="630" y="405" width="80" height="60" rx="4" fill="#90a4ae"/>${[0, 1, 2].map(i => `<circle cx="${645 + i * 25}" cy="435" r="7" fill="#eceff1"/>`).join('')}
${person(190, 760, 1.05, lookOf(rand), [[-40, -150], [40, -150]])}<rect x="120" y="550" width="140" height="95" rx="4" fill="#c08a4e"/><path d="M120 590h140" stroke="#e8c48f" stroke-width="10"/>`
}

function classroom(rand: Rand): string {
  const wall = hsl(180 + rand() * 60, 25, 88)
  const accent = hsl(rand() * 360, 60, 55)
  const bars = [0, 1, 2, 3].map((i) => {
    const h = 60 + rand() * 130
    return `<rect x="${370 + i * 70}" y="${300 - h}" width="44" height="${h}" fill="${hsl(i * 70 + 20, 65, 55)}"/>`
  }).join('')
  const learners = Array.from({ length: 8 }, (_, n) => {
    const row = Math.floor(n / 4)
    const x = 210 + (n % 4) * 240 + (row ? 60 : 0)
    const y = 600 + row * 130
    const look = lookOf(rand, rand() > 0.4)
    return `<ellipse cx="${x}" cy="${y}" rx="70" ry="60" fill="${look.shirt}"/><circle cx="${x}" cy="${y - 80}" r="42" fill="${look.hair}"/>`
  }).join('')
  return `<rect width="1200" height="800" fill="${wall}"/><rect y="560" width="1200" height="240" fill="#bca58a"/>
<rect x="40" y="120" width="170" height="260" fill="#bfe3f5" stroke="#fff" stroke-width="12"/>
<rect x="310" y="70" width="580" height="340" rx="14" fill="#263238"/><rect x="330" y="90" width="540" height="300" rx="6" fill="#fafafa"/>
<path d="M360 300h330" stroke="#90a4ae" stroke-width="4"/>${bars}<circle cx="780" cy="190" r="60" fill="${accent}"/><path d="M765 160v60l50-30z" fill="#fff"/>
${person(1010, 600, 1.05, lookOf(rand), [[-110, -230], [30, -120]])}
${[0, 1].map(r => `<rect x="60" y="${640 + r * 130}" width="1080" height="26" rx="6" fill="#8d6e63"/>`).join('')}${learners}`
}

function shopPayment(rand: Rand): string {
  const wall = hsl(30 + rand() * 40, 50, 86)
  const counter = hsl(20 + rand() * 20, 40, 45)
  const goods = Array.from({ length: 24 }, (_, n) => {
    const shelf = Math.floor(n / 8)
    const x = 70 + (n % 8) * 135
    const y = 230 + shelf * 130
    const fill = hsl(rand() * 360, 60, 58)
    return n % 3 ? `<rect x="${x}" y="${y - 70}" width="80" height="70" rx="4" fill="${fill}"/>` : `<rect x="${x + 18}" y="${y - 90}" width="44" height="90" rx="14" fill="${fill}"/><rect x="${x + 30}" y="${y - 110}" width="20" height="24" fill="${fill}"/>`
  }).join('')
  const cells = Array.from({ length: 81 }, (_, n) => (rand() > 0.5 ? `<rect x="${(n % 9) * 12}" y="${Math.floor(n / 9) * 12}" width="12" height="12"/>` : '')).join('')
  const finder = (x: number, y: number) => `<rect x="${x}" y="${y}" width="30" height="30" fill="#fff"/><rect x="${x + 3}" y="${y + 3}" width="24" height="24" fill="none" stroke="#111" stroke-width="6"/><rect x="${x + 10}" y="${y + 10}" width="10" height="10" fill="#111"/>`
  return `<rect width="1200" height="800" fill="${wall}"/>${[0, 1, 2].map(i => `<rect x="40" y="${230 + i * 130}" width="1120" height="14" fill="#8d6e63"/>`).join('')}${goods}
${person(940, 640, 1, lookOf(rand), [[-60, -140], [60, -140]])}
<rect y="560" width="1200" height="240" fill="${counter}"/><rect y="540" width="1200" height="30" fill="${hsl(20, 30, 30)}"/>
<rect x="640" y="420" width="22" height="125" fill="#455a64"/><rect x="600" y="525" width="100" height="20" rx="6" fill="#37474f"/>
<rect x="575" y="260" width="150" height="170" rx="12" fill="#eceff1" stroke="#455a64" stroke-width="6"/>
<g transform="translate(596 290)" fill="#111">${cells}${finder(0, 0)}${finder(78, 0)}${finder(0, 78)}</g>
${person(330, 1000, 1.6, lookOf(rand), [[-60, -140], [106, -312]])}${phone(470, 420, 60, 110, hsl(rand() * 360, 60, 50))}`
}

function farmLivestream(rand: Rand): string {
  const crop = hsl(80 + rand() * 40, 55, 42)
  const fruit = pick(rand, ['#e53935', '#fb8c00', '#fdd835', '#8e24aa'])
  const rows = Array.from({ length: 9 }, (_, i) => `<path d="M${600 + (i - 4) * 40} 520L${600 + (i - 4) * 330} 800" stroke="${crop}" stroke-width="${14 + i % 2 * 4}"/>`).join('')
  const basket = Array.from({ length: 7 }, (_, i) => `<circle cx="${780 + (i % 4) * 26 + (i > 3 ? 13 : 0)}" cy="${i > 3 ? 502 : 520}" r="16" fill="${fruit}"/>`).join('')
  const hearts = [[250, 180, 18], [300, 120, 12], [210, 90, 14]].map(([x, y, r]) => heart(x!, y!, r!, pick(rand, ['#e91e63', '#ff7043', '#ef5350']))).join('')
  return `${outdoors(rand, 520)}<path d="M860 520v-80a90 80 0 0 1 180 0v80z" fill="#e0f2f1" stroke="#b2dfdb" stroke-width="8"/><path d="M950 360v160M890 400v120M1010 400v120" stroke="#b2dfdb" stroke-width="4"/>
${rows}${person(840, 700, 1.1, lookOf(rand), [[-20, -170], [70, -170]], { hat: '#d7b46a' })}
<path d="M750 520h130l-15 60h-100z" fill="#a1887f"/>${basket}
<path d="M240 720L290 430L340 720M290 430v290" stroke="#37474f" stroke-width="10" fill="none"/>
<g transform="rotate(-4 290 330)">${phone(225, 230, 130, 230, crop, true)}</g><rect x="245" y="255" width="40" height="20" rx="6" fill="#e53935"/>${hearts}`
}

const scenes: Record<DemoImageKind, (rand: Rand) => string> = {
  'info-station': infoStation,
  'elder-phone': elderPhone,
  'parcel-locker': parcelLocker,
  'classroom': classroom,
  'shop-payment': shopPayment,
  'farm-livestream': farmLivestream,
}

export function demoImageSvg(kind: DemoImageKind, seed: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">${scenes[kind](randomFrom(seed))}</svg>`
}

/** A 1200×800 JPEG of one kind of scene; the seed varies its colours. */
export async function drawDemoImage(kind: DemoImageKind, seed: number): Promise<Uint8Array> {
  return sharp(Buffer.from(demoImageSvg(kind, seed))).jpeg({ quality: 88, mozjpeg: true }).toBuffer()
}
