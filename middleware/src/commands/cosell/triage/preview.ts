// `cosell triage preview`: what triage would decide for one referral (in any portal's format or the
// canonical one) under the org's rules, the shipped ones or a configuration to try, without waiting
// for real traffic.
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { nowFlag } from '../../../cli/flags.js';
import { readJsonFlagFile } from '../../../cli/json-file.js';
import { orgConnection } from '../../../salesforce/org-reads/org-connection.js';
import type { Finding, InboundReferral } from '../../../core/model.js';
import {
  TriageConfigError,
  resolveTriageConfig,
  triageConfigFromRecords,
  triageReferral,
  triageRuleQuery,
  type ResolvedTriageConfig,
  type TriageDecision,
} from '../../../core/triage/index.js';
import {
  REFERRAL_FORMATS,
  readReferral,
  type ReferralFormat,
} from '../../../portals/referral-formats.js';
import { queryAll } from '../../../salesforce/org-reads/org-connection.js';
import { fittedTable, printTable, type TableColumn } from '../../../cli/terminal-table.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.triage.preview');

export type TriagePreviewResult = {
  file: string;
  format: ReferralFormat;
  rules: 'org' | 'shipped' | 'given';
  referral: InboundReferral;
  findings: Finding[];
  decision: TriageDecision;
};

export default class TriagePreview extends cosellCommand(messages)<TriagePreviewResult> {
  public static readonly flags = {
    referral: Flags.file({
      char: 'f',
      required: true,
      exists: true,
      summary: messages.getMessage('flags.referral.summary'),
    }),
    format: Flags.option({
      options: REFERRAL_FORMATS,
      summary: messages.getMessage('flags.format.summary'),
    })(),
    config: Flags.file({
      exists: true,
      exclusive: ['target-org'],
      summary: messages.getMessage('flags.config.summary'),
    }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    now: nowFlag,
  };

  public async run(): Promise<TriagePreviewResult> {
    const { flags } = await this.parse(TriagePreview);
    const payload = readJsonFlagFile(messages, flags.referral, 'error.notJson');
    const { config, rules } = await this.rules(flags);
    const reading = readReferral(
      payload,
      flags.format,
      flags.now ? { receivedAt: new Date(flags.now).toISOString() } : {},
    );
    if (!reading.ok) {
      throw messages.createError(
        'error.unreadableReferral',
        [
          flags.referral,
          reading.format ?? 'any known format',
          reading.findings
            .map((finding) => `${finding.path ?? '$'}: ${finding.message}`)
            .join('; '),
        ],
        [],
        EXIT_CODES.findings,
      );
    }
    const decision = triageReferral(reading.referral, config.rules, config.calendar);
    for (const finding of reading.findings) this.warn(`${finding.path ?? '$'}: ${finding.message}`);
    this.styledHeader(
      messages.getMessage('info.header', [reading.referral.customerName, reading.format, rules]),
    );
    const rows = [
      { field: 'source layer', value: decision.sourceLayer ?? 'unclassified' },
      { field: 'priority', value: decision.priority },
      { field: 'respond by', value: decision.responseDue },
      { field: 'acknowledge by', value: decision.acknowledgeBy ?? '' },
      { field: 'responder', value: decision.responder },
      { field: 'queue', value: decision.ownerQueue },
      { field: 'rule', value: decision.ruleId },
      { field: 'why', value: decision.reason },
      { field: 'flags', value: decision.flags.join(', ') },
    ];
    printTable(this, fittedTable(DECISION_COLUMNS, rows));
    return {
      file: flags.referral,
      format: reading.format,
      rules,
      referral: reading.referral,
      findings: reading.findings,
      decision,
    };
  }

  private async rules(flags: {
    config?: string;
    'target-org'?: { getConnection(version?: string): unknown; getUsername(): string | undefined };
    'api-version'?: string;
  }): Promise<{ config: ResolvedTriageConfig; rules: TriagePreviewResult['rules'] }> {
    try {
      if (flags.config)
        return {
          config: resolveTriageConfig(
            readJsonFlagFile(messages, flags.config, 'error.configNotJson'),
          ),
          rules: 'given',
        };
      const org = flags['target-org'];
      if (org) {
        const connection = orgConnection(
          org.getConnection(flags['api-version']) as Parameters<typeof orgConnection>[0],
        );
        const rows: Array<Record<string, unknown>> = [];
        for await (const row of queryAll(connection, triageRuleQuery())) rows.push(row);
        // An org with no rule records runs the shipped rules, exactly as the service does.
        return {
          config: rows.length === 0 ? resolveTriageConfig({}) : triageConfigFromRecords(rows),
          rules: rows.length === 0 ? 'shipped' : 'org',
        };
      }
      return { config: resolveTriageConfig({}), rules: 'shipped' };
    } catch (error) {
      if (error instanceof TriageConfigError)
        throw messages.createError(
          'error.badConfig',
          [error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')],
          [],
          EXIT_CODES.findings,
        );
      throw error;
    }
  }
}

/** The decision's reason is a sentence: it wraps rather than being cut. */
const DECISION_COLUMNS: TableColumn[] = [
  { key: 'field', name: 'Field' },
  { key: 'value', name: 'Value', wrapsAt: 30 },
];
