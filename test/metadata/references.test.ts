// Cross-references between metadata files that neither SDR nor the XSD check but a deploy rejects: a report on
// a missing report type or column, a page naming a missing component, a layout or list view naming a missing field.
import { describe, expect, it } from '@jest/globals';
import {
  asArray,
  customFields,
  permissionSet,
  rootOf,
  sourceComponents,
  type Xml,
} from './support/force-app.js';

const fields = customFields();
const components = sourceComponents();
const named = (type: string) => components.filter((c) => c.type.name === type);
const namesOf = (type: string) => new Set(named(type).map((c) => c.fullName));
const children = (type: string) =>
  components.flatMap((c) => c.getChildren()).filter((c) => c.type.name === type);
const isCustom = (name: string) => /__(c|r|mdt)$/.test(name);

/** `Table$Field` columns each report type offers. */
function reportTypeColumns(): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  for (const reportType of named('ReportType')) {
    const xml = rootOf(reportType, 'ReportType');
    const columns = asArray(xml.sections as Xml | Xml[])
      .flatMap((section) => asArray(section.columns as Xml | Xml[]))
      .map((column) => `${String(column.table)}$${String(column.field)}`);
    byType.set(`${reportType.fullName}__c`, new Set(columns));
  }
  return byType;
}

/** Every column a report names: detail columns, groupings, filters, chart and time frame. */
function reportColumns(xml: Xml): string[] {
  const chart = xml.chart as Xml | undefined;
  const filter = xml.filter as Xml | undefined;
  const timeFrame = xml.timeFrameFilter as Xml | undefined;
  return [
    ...asArray(xml.columns as Xml | Xml[]).map((c) => c.field),
    ...asArray(xml.groupingsDown as Xml | Xml[]).map((g) => g.field),
    ...asArray(xml.groupingsAcross as Xml | Xml[]).map((g) => g.field),
    ...asArray(filter?.criteriaItems as Xml | Xml[]).map((f) => f.column),
    ...asArray(chart?.chartSummaries as Xml | Xml[]).map((s) => s.column),
    chart?.groupingColumn,
    chart?.secondaryGroupingColumn,
    timeFrame?.dateColumn,
  ]
    .filter((column): column is string => typeof column === 'string' && column !== 'RowCount')
    .map(String);
}

describe('reports and dashboards', () => {
  const offered = reportTypeColumns();

  it('offers only custom fields that exist, on the object each section joins', () => {
    const relationshipObject: Record<string, string> = {
      'Opportunity.CoSell_Engagements__r': 'CoSell_Engagement__c',
    };
    const missing = [...offered.values()]
      .flatMap((columns) => [...columns])
      .map((column) => column.split('$') as [string, string])
      .filter(([, name]) => name.endsWith('__c'))
      .map(([table, name]) => `${relationshipObject[table] ?? table}.${name}`)
      .filter((qualified) => !fields.has(qualified));
    expect(missing).toEqual([]);
  });

  it.each(named('Report').map((r) => [r.fullName, r] as const))(
    '%s uses an existing report type and only its columns',
    (_name, report) => {
      const xml = rootOf(report, 'Report');
      const columns = offered.get(String(xml.reportType));
      expect(columns).toBeDefined();
      expect(reportColumns(xml).filter((column) => !columns?.has(column))).toEqual([]);
    },
  );

  it('builds the dashboard from reports the package ships', () => {
    const reports = namesOf('Report');
    const used = named('Dashboard').flatMap((dashboard) => {
      const layout = rootOf(dashboard, 'Dashboard').dashboardGridLayout as Xml;
      return asArray(layout.dashboardGridComponents as Xml | Xml[]).map((tile) =>
        String((tile.dashboardComponent as Xml).report),
      );
    });
    expect(used.length).toBeGreaterThanOrEqual(4);
    expect(used.filter((report) => !reports.has(report))).toEqual([]);
  });
});

describe('pages, tabs and the app', () => {
  const lwcTargets = (bundle: string): string[] => {
    const component = named('LightningComponentBundle').find((c) => c.fullName === bundle);
    if (!component) return [];
    const xml = rootOf(component, 'LightningComponentBundle');
    if (xml.isExposed !== 'true') return [];
    return asArray((xml.targets as Xml | undefined)?.target as string | string[]);
  };

  it.each(named('FlexiPage').map((p) => [p.fullName, p] as const))(
    '%s places exposed components that target its page type',
    (_name, page) => {
      const xml = rootOf(page, 'FlexiPage');
      const target = xml.type === 'RecordPage' ? 'lightning__RecordPage' : 'lightning__AppPage';
      const custom = asArray(xml.flexiPageRegions as Xml | Xml[])
        .flatMap((region) => asArray(region.itemInstances as Xml | Xml[]))
        .map((item) => String((item.componentInstance as Xml).componentName))
        .filter((name) => name.startsWith('c:'));
      expect(custom.length).toBeGreaterThan(0);
      expect(custom.filter((name) => !lwcTargets(name.slice(2)).includes(target))).toEqual([]);
    },
  );

  it('points every tab at a page or object the package ships', () => {
    const pages = namesOf('FlexiPage');
    const objects = namesOf('CustomObject');
    const broken = named('CustomTab').filter((tab) => {
      const xml = rootOf(tab, 'CustomTab');
      return xml.customObject === 'true'
        ? !objects.has(tab.fullName)
        : !pages.has(String(xml.flexiPage));
    });
    expect(broken.map((tab) => tab.fullName)).toEqual([]);
  });

  it('lists only tabs that exist and opens Opportunities on the co-sell record page', () => {
    const tabs = namesOf('CustomTab');
    const app = rootOf(named('CustomApplication')[0]!, 'CustomApplication');
    const appTabs = asArray(app.tabs as string | string[]);
    expect(appTabs).toEqual(
      expect.arrayContaining(['standard-Opportunity', 'CoSell_Inbox', 'CoSell_Attribution']),
    );
    expect(appTabs.filter((tab) => !tab.startsWith('standard-') && !tabs.has(tab))).toEqual([]);
    const override = app.actionOverrides as Xml;
    expect({ object: override.pageOrSobjectType, page: override.content }).toEqual({
      object: 'Opportunity',
      page: 'CoSell_Opportunity_Record_Page',
    });
    expect(namesOf('FlexiPage').has(String(override.content))).toBe(true);
  });

  it('grants only tabs, apps, objects and custom permissions that exist', () => {
    const tabs = namesOf('CustomTab');
    const apps = namesOf('CustomApplication');
    const objects = namesOf('CustomObject');
    const customPermissions = namesOf('CustomPermission');
    const problems = [
      'CoSell_AE',
      'CoSell_Alliance_Ops',
      'CoSell_RevOps',
      'CoSell_Integration',
    ].flatMap((name) => {
      const grants = permissionSet(name);
      return [
        ...[...grants.tabs.keys()].filter((tab) => !tabs.has(tab)),
        ...grants.applications.filter((app) => !apps.has(app)),
        ...[...grants.objects.keys()].filter((object) => isCustom(object) && !objects.has(object)),
        ...grants.customMetadataTypes.filter((type) => !objects.has(type)),
        ...grants.customPermissions.filter((permission) => !customPermissions.has(permission)),
      ].map((problem) => `${name}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('layouts, list views and validation rules', () => {
  it('lays out only fields that exist, and every custom field of the object', () => {
    const problems: string[] = [];
    for (const layout of named('Layout')) {
      const object = layout.fullName.split('-')[0] ?? '';
      const placed = asArray(rootOf(layout, 'Layout').layoutSections as Xml | Xml[])
        .flatMap((section) => asArray(section.layoutColumns as Xml | Xml[]))
        .flatMap((column) => asArray(column.layoutItems as Xml | Xml[]))
        .map((item) => String(item.field));
      for (const name of placed.filter((f) => f.endsWith('__c'))) {
        if (!fields.has(`${object}.${name}`))
          problems.push(`${layout.fullName} places missing ${name}`);
      }
      for (const f of [...fields.values()].filter((def) => def.object === object)) {
        if (!placed.includes(f.name)) problems.push(`${layout.fullName} leaves out ${f.name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every custom object a layout', () => {
    const laidOut = new Set(named('Layout').map((layout) => layout.fullName.split('-')[0]));
    expect([...namesOf('CustomObject')].filter((object) => !laidOut.has(object))).toEqual([]);
  });

  it('filters and shows only fields that exist in list views', () => {
    const missing = children('ListView').flatMap((view) => {
      const [object] = view.fullName.split('.');
      const xml = rootOf(view, 'ListView');
      const used = [
        ...asArray(xml.columns as string | string[]),
        ...asArray(xml.filters as Xml | Xml[]).map((f) => String(f.field)),
      ];
      return used
        .filter((name) => name.endsWith('__c') && !fields.has(`${object}.${name}`))
        .map((name) => `${view.fullName}: ${name}`);
    });
    expect(missing).toEqual([]);
  });

  it('ships the inbox list views: overdue, urgent and open feedback loops', () => {
    const views = new Set(children('ListView').map((view) => view.fullName));
    expect([...views]).toEqual(
      expect.arrayContaining([
        'CoSell_Referral__c.Overdue',
        'CoSell_Referral__c.Urgent_Open',
        'CoSell_Referral__c.Open_Feedback_Loops',
      ]),
    );
  });

  it('shows each validation rule error on a field of its object that exists', () => {
    const rules = [...children('ValidationRule'), ...named('ValidationRule')];
    expect(rules.length).toBeGreaterThanOrEqual(6);
    const broken = rules.filter((rule) => {
      const [object] = rule.fullName.split('.');
      return !fields.has(`${object}.${String(rootOf(rule, 'ValidationRule').errorDisplayField)}`);
    });
    expect(broken.map((rule) => rule.fullName)).toEqual([]);
  });
});
