// The package ships the value maps of config/mapping as CoSell_Value_Map__mdt records, exactly: the
// records an admin starts from are the defaults the service applies when the org has none.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { orgValueMapsFromRecords } from '../../middleware/src/portals/mapping/org-value-maps.js';
import { loadMapping } from '../../middleware/src/portals/mapping/load.js';
import { RECORDS_DIR, valueMapRecordFiles } from '../../scripts/generate-value-map-records.js';

const REGENERATE =
  'node --import ./scripts/bench/ts-resolve.mjs --experimental-transform-types scripts/generate-value-map-records.ts';

function readRecord(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of content.matchAll(/<field>([^<]+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g)) {
    values[match[1]!] = match[2]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return values;
}

describe('CoSell_Value_Map__mdt records', () => {
  const shipped = readdirSync(RECORDS_DIR).filter((file) => file.startsWith('CoSell_Value_Map.'));

  it(`are exactly the records generated from config/mapping (regenerate with: ${REGENERATE})`, () => {
    const expected = valueMapRecordFiles();
    expect(shipped.sort()).toEqual(Object.keys(expected).sort());
    for (const file of shipped)
      expect({ file, content: readFileSync(join(RECORDS_DIR, file), 'utf8') }).toEqual({
        file,
        content: expected[file],
      });
  });

  it('read back into the same value maps the service ships', () => {
    const records = shipped.map((file) => ({
      DeveloperName: file.slice('CoSell_Value_Map.'.length, -'.md-meta.xml'.length),
      ...readRecord(readFileSync(join(RECORDS_DIR, file), 'utf8')),
    }));
    const maps = orgValueMapsFromRecords(records);
    for (const portal of ['aws', 'microsoft', 'google'] as const) {
      const config = loadMapping(portal).config;
      const nonEmpty = Object.fromEntries(
        Object.entries(config.valueMaps).filter(([, pairs]) => Object.keys(pairs).length > 0),
      );
      expect(maps[portal]).toEqual(nonEmpty);
    }
  });

  it('give every record a DeveloperName Salesforce accepts', () => {
    for (const file of shipped)
      expect(file.slice('CoSell_Value_Map.'.length, -'.md-meta.xml'.length)).toMatch(
        /^[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,39}$/,
      );
  });
});
