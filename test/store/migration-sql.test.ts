// An installed store has applied every migration already, so a migration's SQL may never change:
// the fixture holds what each one sent when it was first released.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '../../middleware/src/store/database.js';
import { migrationSql } from '../support/migration-sql.js';

const released = JSON.parse(
  readFileSync(new URL('../fixtures/migration-sql.json', import.meta.url), 'utf8'),
) as Record<string, { up: string[]; down: string[] }>;

describe('migrations', () => {
  it('cover every migration the fixture records', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(Object.keys(released));
  });

  it.each(Object.entries(MIGRATIONS))('%s sends the SQL it was released with', async (name, m) => {
    expect(await migrationSql(m)).toEqual(released[name]);
  });
});
