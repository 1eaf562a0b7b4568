// The preview build's @salesforce/* modules: labels are force-app's own text, and an unknown label
// stops the build as a deploy would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
// @ts-expect-error the preview package is plain JavaScript without type declarations
import { salesforceModules } from '../../preview/src/salesforce-modules.js';

interface Plugin {
  resolveId(this: { error(message: string): never }, source: string): string | null;
  load(this: { error(message: string): never }, id: string): string | null;
}

const LABELS = join(process.cwd(), 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
const context = {
  error: (message: string): never => {
    throw new Error(message);
  },
};
const dir = mkdtempSync(join(tmpdir(), 'cosell-labels-'));

const STATIC_RESOURCES = join(process.cwd(), 'force-app/main/default/staticresources');

function plugin(labelsFile = LABELS): Plugin {
  return salesforceModules({
    labelsFile,
    refreshModule: '/refresh.js',
    userModule: '/user.js',
    staticResourcesDir: STATIC_RESOURCES,
  }) as Plugin;
}

function moduleText(source: string, labelsFile?: string): string | null {
  const p = plugin(labelsFile);
  const id = p.resolveId.call(context, source);
  return id === null ? null : (p.load.call(context, id) ?? id);
}

describe('preview @salesforce modules', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a custom label the value force-app defines', () => {
    expect(moduleText('@salesforce/label/c.CoSell_Panel_Last_Synced')).toBe(
      'export default "Last synced";',
    );
  });

  it('fails the build on a label force-app does not define, naming it and the file', () => {
    expect(() => moduleText('@salesforce/label/c.CoSell_Panel_No_Such_Label')).toThrow(
      `Unknown custom label CoSell_Panel_No_Such_Label: it is not in ${LABELS}`,
    );
  });

  it('reads labels with XML entities as text', () => {
    const file = join(dir, 'labels.xml');
    writeFileSync(
      file,
      '<?xml version="1.0" encoding="UTF-8"?><CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels><fullName>A</fullName><value>Tom &amp; Jerry &lt;3</value></labels></CustomLabels>',
    );
    expect(moduleText('@salesforce/label/c.A', file)).toBe('export default "Tom & Jerry <3";');
  });

  it('compiles schema imports to the object and field references LDS takes', () => {
    expect(moduleText('@salesforce/schema/Opportunity')).toBe(
      'export default {"objectApiName":"Opportunity"};',
    );
    expect(moduleText('@salesforce/schema/CoSell_Referral__c.Decline_Reason__c')).toBe(
      'export default {"objectApiName":"CoSell_Referral__c","fieldApiName":"Decline_Reason__c"};',
    );
  });

  it('points a static resource at the org that serves it, and fails the build on one force-app lacks', () => {
    expect(moduleText('@salesforce/resourceUrl/chartjs')).toBe(
      'import { orgResourceUrl } from "/user.js"; export default orgResourceUrl("chartjs");',
    );
    expect(() => moduleText('@salesforce/resourceUrl/d3')).toThrow(
      `Unknown static resource d3: it is not in ${STATIC_RESOURCES}`,
    );
  });

  it('leaves other modules to the next resolver', () => {
    expect(plugin().resolveId.call(context, 'lightning/uiRecordApi')).toBeNull();
  });
});
