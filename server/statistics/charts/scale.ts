/** The smallest 1, 2, 3, 4, 5, 6 or 8 × 10ⁿ at or above the largest value: the axis (and its midpoint) reads in round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 3, 4, 5, 6, 8, 10]) {
    if (step * power >= max) return step * power
  }
  return 10 * power
}

/** A value's share of the axis, as a percentage of the bar area with two decimals. */
export const share = (value: number, max: number) => Math.round((Math.min(value, max) / max) * 10_000) / 100
