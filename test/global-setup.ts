// Prepares one migrated database image for the whole run (see packages/db/src/testing.ts).
import os from 'node:os';
import path from 'node:path';
import { prepareTestDatabases } from '@cadence/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testDbDumpPath: string;
  }
}

export default async function setup(project: TestProject) {
  const dumpPath = path.join(os.tmpdir(), `cadence-test-${process.pid}.tar`);
  project.provide('testDbDumpPath', dumpPath);
  return prepareTestDatabases({ TEST_DATABASE_URL: process.env.TEST_DATABASE_URL, dumpPath });
}
