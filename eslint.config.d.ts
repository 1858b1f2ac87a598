/** Types for what the layering test imports from eslint.config.js. */
export declare const LAYERING: {
  aliases: Record<string, string>
  allow: { file: string; source: string }[]
  boundaries: { from: string[]; except?: string[]; forbid: object[]; message: string }[]
}
declare const config: unknown[]
export default config
