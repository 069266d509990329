export * from './client';
export { DataDirLockedError } from './data-dir-lock';
export * as schema from './schema/index';
export * from './schema/index';
export * from './migrated';
