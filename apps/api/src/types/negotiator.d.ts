// negotiator (jshttp, the engine of Express's `accepts`) ships no types: the one call Cadence makes.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The available languages the request accepts, best first (q-values, then specificity). */
    languages(available?: string[]): string[];
  }
}
