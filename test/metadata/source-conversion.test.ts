// Converts the whole force-app with Salesforce's source-deploy-retrieve, as a deploy would, and checks that
// every file is part of a known metadata component: SDR is a layout/type check (research §1c), not a validator.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { REPO_ROOT } from '../../scripts/metadata/metadata-xsd.js';
import { DEFAULT_DIR, FORCE_APP, sourceComponents } from './support/force-app.js';

const SOURCE_API_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion: string;
  }
).sourceApiVersion;

/** What the package must ship, by metadata type (at least this many; the named ones must exist). */
const EXPECTED: Record<string, { min: number; names: string[] }> = {
  CustomObject: {
    min: 5,
    names: [
      'CoSell_Engagement__c',
      'CoSell_Referral__c',
      'CoSell_Counterpart__c',
      'CoSell_Metric__c',
      'CoSell_Triage_Rule__mdt',
    ],
  },
  CustomField: {
    min: 11,
    names: [
      'Opportunity.CoSell_Clouds__c',
      'Opportunity.CoSell_Attribution__c',
      'Opportunity.Marketplace_Route__c',
    ],
  },
  ValidationRule: {
    min: 3,
    names: [
      'Opportunity.CoSell_Hyperscaler_Led_Needs_Cloud',
      'Opportunity.CoSell_Originating_Cloud_Is_Tagged',
    ],
  },
  CustomMetadata: { min: 6, names: ['CoSell_Triage_Rule.Partner_Program'] },
  PermissionSet: {
    min: 4,
    names: ['CoSell_AE', 'CoSell_Alliance_Ops', 'CoSell_RevOps', 'CoSell_Integration'],
  },
  Layout: {
    min: 4,
    names: [
      'CoSell_Referral__c-Co-Sell Referral Layout',
      'CoSell_Engagement__c-Co-Sell Engagement Layout',
    ],
  },
  CustomTab: { min: 5, names: ['CoSell_Inbox', 'CoSell_Attribution', 'CoSell_Referral__c'] },
  CustomApplication: { min: 1, names: ['CoSell'] },
  FlexiPage: {
    min: 3,
    names: ['CoSell_Opportunity_Record_Page', 'CoSell_Inbox', 'CoSell_Attribution'],
  },
  ReportType: {
    min: 4,
    names: [
      'CoSell_Opportunities',
      'CoSell_Opportunity_Engagements',
      'CoSell_Referrals',
      'CoSell_Metrics',
    ],
  },
  Report: {
    min: 4,
    names: [
      'CoSell_Reports/Sourced_vs_Influenced_by_Cloud_and_Quarter',
      'CoSell_Reports/Portal_Acceptance_and_Time_to_Accept',
      'CoSell_Reports/Open_Feedback_Loops_by_Referrer',
      'CoSell_Reports/Marketplace_Routed_Deals',
    ],
  },
  Dashboard: { min: 1, names: ['CoSell_Dashboards/CoSell_Overview'] },
  Flow: { min: 1, names: ['CoSell_Engagement_Key'] },
  CustomPermission: { min: 1, names: ['CoSell_Service_Writes'] },
  Queue: { min: 4, names: ['CoSell_Alliance_Ops'] },
  LightningComponentBundle: { min: 1, names: [] },
};

/** Every component fullName per type, children (fields, rules, list views) included. */
function namesByType(): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  const add = (type: string, name: string) =>
    byType.set(type, (byType.get(type) ?? new Set()).add(name));
  for (const component of sourceComponents()) {
    add(component.type.name, component.fullName);
    for (const child of component.getChildren()) add(child.type.name, child.fullName);
  }
  return byType;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((entry) => path.join(dir, String(entry)))
    .filter((file) => statSync(file).isFile());
}

describe('force-app source conversion (SDR)', () => {
  let outputDir: string;
  let componentCount = 0;

  beforeAll(async () => {
    outputDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-mdapi-'));
    const set = ComponentSet.fromSource(FORCE_APP);
    set.sourceApiVersion = SOURCE_API_VERSION;
    componentCount = set.size;
    await new MetadataConverter().convert(set, 'metadata', {
      type: 'directory',
      outputDirectory: outputDir,
      genUniqueDir: false,
    });
  }, 60_000);

  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

  it('converts every component to metadata format with the project API version', () => {
    expect(componentCount).toBeGreaterThan(40);
    const packageXml = readFileSync(path.join(outputDir, 'package.xml'), 'utf8');
    expect(packageXml).toContain(`<version>${SOURCE_API_VERSION}</version>`);
    // Decomposed children are recomposed into their parent, as the Metadata API expects.
    const referral = readFileSync(
      path.join(outputDir, 'objects', 'CoSell_Referral__c.object'),
      'utf8',
    );
    expect(referral).toContain('<fullName>Decline_Reason__c</fullName>');
    expect(referral).toContain('<fullName>CoSell_Decline_Needs_Reason_And_Feedback</fullName>');
    expect(referral).toContain('<fullName>Overdue</fullName>');
    const opportunity = readFileSync(path.join(outputDir, 'objects', 'Opportunity.object'), 'utf8');
    expect(opportunity).toContain('<fullName>CoSell_Clouds__c</fullName>');
    expect(
      existsSync(
        path.join(
          outputDir,
          'customMetadata',
          'CoSell_Triage_Rule.Account_Team_Customer_Deployed.md',
        ),
      ),
    ).toBe(true);
  });

  it('ships the expected components of each type', () => {
    const byType = namesByType();
    for (const [type, { min, names }] of Object.entries(EXPECTED)) {
      const present = byType.get(type) ?? new Set<string>();
      expect({ type, count: present.size >= min }).toEqual({ type, count: true });
      for (const name of names)
        expect({ type, name, present: present.has(name) }).toEqual({ type, name, present: true });
    }
  });

  it('leaves no file outside a known component (an unrecognised file would be silently skipped on deploy)', () => {
    const forceIgnore = ForceIgnore.findAndCreate(FORCE_APP);
    const claimed = new Set<string>();
    for (const component of sourceComponents()) {
      for (const item of [component, ...component.getChildren()]) {
        if (item.xml) claimed.add(item.xml);
        // A decomposed type's "content" is its whole folder, which would claim any stray file in it.
        if (!component.type.children) for (const file of item.walkContent()) claimed.add(file);
      }
    }
    const unclaimed = allFiles(DEFAULT_DIR).filter(
      (file) => forceIgnore.accepts(file) && !claimed.has(file),
    );
    expect(unclaimed).toEqual([]);
  });

  it('gives every Lightning web component bundle its js-meta.xml (SDR accepts bundles without one)', () => {
    const lwcDir = path.join(DEFAULT_DIR, 'lwc');
    const bundles = readdirSync(lwcDir, { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
    );
    expect(bundles.length).toBeGreaterThan(0);
    const missing = bundles
      .map((b) => b.name)
      .filter((name) => !existsSync(path.join(lwcDir, name, `${name}.js-meta.xml`)));
    expect(missing).toEqual([]);
  });
});
