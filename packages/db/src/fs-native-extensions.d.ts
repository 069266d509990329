// The subset of fs-native-extensions that Cadence uses (the package ships no types).
declare module 'fs-native-extensions' {
  /** An exclusive (or shared) lock on the whole file; false when another process holds it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
  const fsx: { tryLock: typeof tryLock; unlock: typeof unlock };
  export default fsx;
}
