// `cosell coverage`: relationship coverage per cloud (named counterparts across the five layers,
// joint account plans on the top accounts, QBR rhythm) from the service, with the alliance team's
// records of plans and QBRs.
import { readFileSync } from 'node:fs';
import { Flags } from '@salesforce/sf-plugins-core';
import { serviceFlags } from '../../cli/flags.js';
import { serviceClient } from '../../cli/service-client.js';
import { TENANCY_ARCHETYPES } from '../../core/model.js';
import type { CloudRelationshipCoverage } from '../../core/relationships/coverage-report.js';
import { commandMessages, cosellCommand } from '../../cli/cosell-command.js';
import { fittedTable, printTable, type TableColumn } from '../../cli/terminal-table.js';

const messages = commandMessages('cosell.coverage');

export type CoverageResult = { clouds: CloudRelationshipCoverage[] };

const COVERAGE_COLUMNS: TableColumn[] = [
  { key: 'cloud', name: 'Cloud' },
  { key: 'layers', name: 'Layers', align: 'right' },
  { key: 'missing', name: 'Missing', priority: 1, wrapsAt: 30 },
  { key: 'plans', name: 'Top accounts with plan', priority: 2, align: 'right' },
  { key: 'lastQbr', name: 'Last QBR' },
  { key: 'rhythm', name: 'Rhythm' },
];

export default class Coverage extends cosellCommand(messages)<CoverageResult> {
  public static readonly flags = {
    records: Flags.file({
      char: 'r',
      exists: true,
      summary: messages.getMessage('flags.records.summary'),
    }),
    'top-accounts': Flags.integer({
      min: 1,
      max: 500,
      default: 50,
      summary: messages.getMessage('flags.top-accounts.summary'),
    }),
    'tenancy-archetype': Flags.option({
      options: TENANCY_ARCHETYPES,
      summary: messages.getMessage('flags.tenancy-archetype.summary'),
    })(),
    ...serviceFlags,
  };

  public async run(): Promise<CoverageResult> {
    const { flags } = await this.parse(Coverage);
    let records: Record<string, unknown> = {};
    if (flags.records) {
      try {
        records = JSON.parse(readFileSync(flags.records, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw messages.createError('error.badRecords', [flags.records, (error as Error).message]);
      }
    }
    const client = serviceClient(flags);
    const result = await client.relationshipCoverage({
      jointAccountPlans: records.jointAccountPlans ?? [],
      qbrs: records.qbrs ?? [],
      topAccounts: flags['top-accounts'],
      tenancyArchetype: flags['tenancy-archetype'] ?? null,
    });
    const data = result.clouds.map((cloud) => ({
      cloud: cloud.cloud,
      layers: `${cloud.covered.length}/5`,
      missing: cloud.missing.join(', '),
      plans: `${cloud.topAccounts.withPlan}/${cloud.topAccounts.considered}`,
      lastQbr: cloud.qbr.lastHeldOn ?? 'none',
      rhythm: cloud.qbr.onRhythm ? 'on rhythm' : 'lapsed',
    }));
    printTable(this, fittedTable(COVERAGE_COLUMNS, data));
    for (const finding of result.clouds.flatMap((cloud) => cloud.findings))
      this.warn(finding.message);
    return result;
  }
}
