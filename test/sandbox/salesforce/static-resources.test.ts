// The local org's static resources: read from force-app as the package ships them, found by the
// paths an org serves them at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { findForceApp } from '../../../middleware/src/sandbox/salesforce/force-app.js';
import {
  loadStaticResources,
  staticResourceName,
} from '../../../middleware/src/sandbox/salesforce/static-resources.js';

describe('local org static resources', () => {
  it('loads chartjs from force-app as public JavaScript, byte for byte', () => {
    const forceApp = findForceApp();
    const chartjs = loadStaticResources(forceApp).get('chartjs');
    expect(chartjs).toMatchObject({
      name: 'chartjs',
      contentType: 'application/javascript',
      cacheControl: 'Public',
    });
    expect(
      chartjs!.body.equals(readFileSync(join(forceApp, 'main/default/staticresources/chartjs.js'))),
    ).toBe(true);
  });

  it('reads a resource name from /resource/<name> and /resource/<timestamp>/<name>, and nothing else', () => {
    expect(staticResourceName('/resource/chartjs')).toBe('chartjs');
    expect(staticResourceName('/resource/1733481600000/chartjs')).toBe('chartjs');
    expect(staticResourceName('/resource/../services/data')).toBeNull();
    expect(staticResourceName('/services/data/v63.0/resource/chartjs')).toBeNull();
    expect(staticResourceName('/resource/')).toBeNull();
  });
});
