/**
 * Each series has its own pattern as well as its own colour, so a chart printed in black and
 * white (or read by someone who does not see the colours apart) still tells them apart. The
 * strokes are dark enough for 3:1 against white (WCAG 1.4.11), and fills are SVG paint, which
 * browsers print even when they drop background colours.
 */
export interface SeriesStyle {
  /** The pattern's name, written on the pattern element (tests and print checks look for it). */
  name: 'hatch' | 'dots' | 'cross' | 'lines'
  /** Light ground of the bar. */
  ground: string
  /** Dark ink of the pattern and the bar's outline. */
  ink: string
}

export const seriesStyles: readonly SeriesStyle[] = [
  { name: 'hatch', ground: '#f9e3e3', ink: '#8c1c1c' },
  { name: 'dots', ground: '#dde9f6', ink: '#1d4b78' },
  { name: 'cross', ground: '#e3f1e1', ink: '#2b642b' },
  { name: 'lines', ground: '#fbefd6', ink: '#6e4a00' },
]

export const styleOf = (index: number): SeriesStyle => seriesStyles[index % seriesStyles.length]!

const marks: Record<SeriesStyle['name'], (ink: string) => string> = {
  hatch: ink => `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="${ink}" stroke-width="2"/>`,
  dots: ink => `<circle cx="2" cy="2" r="1.6" fill="${ink}"/><circle cx="6" cy="6" r="1.6" fill="${ink}"/>`,
  cross: ink => `<path d="M0,0 L8,8 M8,0 L0,8" stroke="${ink}" stroke-width="1.4"/>`,
  lines: ink => `<path d="M0,2 H8 M0,6 H8" stroke="${ink}" stroke-width="1.6"/>`,
}

/** The pattern element for one series, 8×8 px tiles. */
export function patternDef(id: string, style: SeriesStyle): string {
  return `<pattern id="${id}" data-pattern="${style.name}" patternUnits="userSpaceOnUse" width="8" height="8">`
    + `<rect width="8" height="8" fill="${style.ground}"/>${marks[style.name](style.ink)}</pattern>`
}
