import { schema } from '@cadence/db';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { SEALED_COLUMNS } from './reseal-secrets';

describe('SEALED_COLUMNS', () => {
  it('lists every column of the schema that holds a sealed value, so the re-seal misses none', () => {
    const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));
    const sealedInSchema = tables
      .flatMap((table) =>
        Object.values(getTableColumns(table))
          .filter((c) => c.name.endsWith('_sealed'))
          .map((c) => `${getTableName(table)}.${c.name}`),
      )
      .sort();
    expect(sealedInSchema.length).toBeGreaterThan(0);
    expect(SEALED_COLUMNS.map((c) => c.name).sort()).toEqual(sealedInSchema);
  });

  it('names each column as the binding its values are sealed with', () => {
    for (const c of SEALED_COLUMNS) {
      const b = c.binding('row');
      expect(`${b.table}.${b.column}`).toBe(c.name);
      expect(`${getTableName(c.table)}.${c.value.name}`).toBe(c.name);
    }
  });
});
