// The Chart.js static resource is the chart.js package's own UMD build, byte for byte. `prepare`
// copies it at install (scripts/copy-chartjs.mjs); an edited or stale copy fails here, not in an org.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESOURCES = join(ROOT, 'force-app/main/default/staticresources');
const CHART_JS = join(ROOT, 'node_modules/chart.js');

describe('chartjs static resource', () => {
  it('is byte-equal to the installed chart.js UMD build', () => {
    const installed = readFileSync(join(CHART_JS, 'dist/chart.umd.js'));
    const shipped = readFileSync(join(RESOURCES, 'chartjs.js'));
    expect(shipped.length).toBe(installed.length);
    expect(shipped.equals(installed)).toBe(true);
  });

  it('names the installed version in its description and is served as public JavaScript', () => {
    const version = (
      JSON.parse(readFileSync(join(CHART_JS, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const meta = readFileSync(join(RESOURCES, 'chartjs.resource-meta.xml'), 'utf8');
    expect(meta).toContain(`Chart.js ${version}`);
    expect(meta).toContain('<contentType>application/javascript</contentType>');
    expect(meta).toContain('<cacheControl>Public</cacheControl>');
  });
});
