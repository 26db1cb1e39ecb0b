/**
 * Figures leave the app with 12 significant digits: enough for any amount or rate, and it drops float noise
 * (18922.020000000004 → 18922.02) that would otherwise reach a file.
 */
export function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}
