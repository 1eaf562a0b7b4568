// Every *-meta.xml in force-app must be well-formed XML: SDR silently "repairs" or copies malformed files,
// so a broken tag would only surface when an org rejects the deploy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { runXmllint } from '../../scripts/metadata/metadata-xsd.js';
import { DEFAULT_DIR, filesEndingWith } from './support/force-app.js';

describe('well-formed metadata XML', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cosell-wellformed-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('parses every *-meta.xml in force-app, including Lightning component bundles', () => {
    const files = filesEndingWith(DEFAULT_DIR, '-meta.xml');
    expect(files.some((file) => file.endsWith('.js-meta.xml'))).toBe(true);
    const broken = runXmllint(files)
      .filter((verdict) => !verdict.ok)
      .map((verdict) => ({
        file: path.relative(DEFAULT_DIR, verdict.file),
        errors: verdict.errors,
      }));
    expect(broken).toEqual([]);
  });

  it('reports a mismatched closing tag with its file and line', () => {
    const healthy = path.join(scratch, 'Region__c.field-meta.xml');
    writeFileSync(
      healthy,
      '<?xml version="1.0"?>\n<CustomField><label>Region</label></CustomField>\n',
    );
    const broken = path.join(scratch, 'Referrer_Name__c.field-meta.xml');
    writeFileSync(
      broken,
      '<?xml version="1.0"?>\n<CustomField>\n<label>Referrer Name</labl>\n</CustomField>\n',
    );
    const [healthyVerdict, brokenVerdict] = runXmllint([healthy, broken]);
    expect(healthyVerdict).toEqual({ file: healthy, ok: true, errors: [] });
    expect(brokenVerdict?.ok).toBe(false);
    expect(brokenVerdict?.errors[0]).toContain(
      `${broken}:3: parser error : Opening and ending tag mismatch: label line 3 and labl`,
    );
  });
});
