/**
 * Signal detection on "is this a scam?": scams are the signal. The log-linear correction
 * (Hautus 1995) keeps rates of 0 and 1 finite: H = (hits + 0.5) / (scams + 1), F = (false alarms + 0.5) / (genuine + 1).
 */
export interface Tally { hits: number, misses: number, falseAlarms: number, correctRejections: number }

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function probit(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probit needs 0 < p < 1, got ${p}`)
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
  }
  if (p > 1 - low) return -probit(1 - p)
  const q = p - 0.5
  const r = q * q
  return (((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
}

/** d′ (how well scams are told from genuine messages) and c (above 0: too trusting; below 0: too suspicious). */
export function sensitivity({ hits, misses, falseAlarms, correctRejections }: Tally) {
  const hitRate = (hits + 0.5) / (hits + misses + 1)
  const falseAlarmRate = (falseAlarms + 0.5) / (falseAlarms + correctRejections + 1)
  const zH = probit(hitRate)
  const zF = probit(falseAlarmRate)
  return { dPrime: zH - zF, criterion: -(zH + zF) / 2, hitRate, falseAlarmRate }
}

/** Plain words for the bias: c beyond ±0.25 is called out (about a quarter of a standard deviation). */
export const leaning = (criterion: number): 'trusting' | 'suspicious' | 'balanced' =>
  criterion > 0.25 ? 'trusting' : criterion < -0.25 ? 'suspicious' : 'balanced'
