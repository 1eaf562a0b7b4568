// Regenerates the CoSell_Value_Map__mdt records in force-app/main/default/customMetadata from the
// value maps of config/mapping/*.json, so the package ships exactly the defaults the service has.
// The value-map metadata test re-runs `valueMapRecordFiles()` in memory and fails when they drift:
//   node --import ./scripts/bench/ts-resolve.mjs --experimental-transform-types scripts/generate-value-map-records.ts
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RECORDS_DIR = join(ROOT, 'force-app', 'main', 'default', 'customMetadata');
const PREFIX = 'CoSell_Value_Map.';
const PORTAL_LABEL: Record<string, string> = {
  aws: 'AWS',
  microsoft: 'Microsoft',
  google: 'Google',
};

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A DeveloperName Salesforce accepts (letters, digits, single underscores, 40 characters), unique by hash when shortened. */
function developerName(portal: string, map: string, value: string): string {
  const slug = `${PORTAL_LABEL[portal]}_${map}_${value}`
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug.length <= 40) return slug;
  const hash = createHash('sha256').update(`${portal}|${map}|${value}`).digest('hex').slice(0, 6);
  return `${slug.slice(0, 33).replace(/_+$/, '')}_${hash}`;
}

function record(label: string, portal: string, map: string, from: string, to: string): string {
  const value = (field: string, text: string) =>
    `    <values>\n        <field>${field}</field>\n        <value xsi:type="xsd:string">${escapeXml(text)}</value>\n    </values>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    `    <label>${escapeXml(label)}</label>\n    <protected>false</protected>\n` +
    value('Portal_Value__c', to) +
    value('Portal__c', PORTAL_LABEL[portal]!) +
    value('Salesforce_Value__c', from) +
    value('Value_Map__c', map) +
    '</CustomMetadata>\n'
  );
}

/** File name → content, one record per pair of every shipped value map. */
export function valueMapRecordFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const portal of Object.keys(PORTAL_LABEL)) {
    const config = JSON.parse(
      readFileSync(join(ROOT, 'config', 'mapping', `${portal}.json`), 'utf8'),
    ) as { valueMaps: Record<string, Record<string, string>> };
    for (const [map, pairs] of Object.entries(config.valueMaps)) {
      for (const [from, to] of Object.entries(pairs)) {
        const name = developerName(portal, map, from);
        const label = `${PORTAL_LABEL[portal]} ${map}: ${from}`.slice(0, 40);
        files[`${PREFIX}${name}.md-meta.xml`] = record(label, portal, map, from, to);
      }
    }
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of readdirSync(RECORDS_DIR).filter((name) => name.startsWith(PREFIX)))
    rmSync(join(RECORDS_DIR, file));
  const files = valueMapRecordFiles();
  for (const [file, content] of Object.entries(files))
    writeFileSync(join(RECORDS_DIR, file), content);
  process.stdout.write(`Wrote ${Object.keys(files).length} CoSell_Value_Map__mdt records.\n`);
}
