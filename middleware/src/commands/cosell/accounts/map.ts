// `cosell accounts map`: matches a hyperscaler's account list and the ISV's target list to Salesforce
// Accounts, holds weak matches for review, and writes the joint pursuit list; with --evidence it
// records the run date that readiness item 7 reads; with --save it stores the pursuit list in the org
// (CoSell_Joint_Pursuit__c) for the Salesforce report.
import { writeFileSync } from 'node:fs';
import { Flags } from '@salesforce/sf-plugins-core';
import { csvText } from '../../../core/csv-safe.js';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { cloudFlag, nowFlag, outputFlag } from '../../../cli/flags.js';
import { orgConnection } from '../../../salesforce/org-reads/org-connection.js';
import { readFlagFile, readJsonFlagFile } from '../../../cli/json-file.js';
import { upsertToOrg, type OrgUpsertResult } from '../../../cli/org-upsert.js';
import { JOINT_PURSUIT_OBJECT } from '../../../core/salesforce-fields.js';
import { JOINT_PURSUIT_KEY_FIELD } from '../../../core/salesforce-keys.js';
import {
  AccountListError,
  AccountMappingError,
  jointPursuitRecords,
  mapAccounts,
  parseAccountList,
  parseSalesforceAccounts,
  type AccountMappingResult,
  type ReviewDecision,
  type SalesforceAccountRecord,
} from '../../../core/account-mapping/index.js';
import { readOrgAccounts } from '../../../salesforce/org-reads/accounts.js';
import { commandMessages, cosellCommand, wordedError } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';
import {
  TABLE_ROWS_SHOWN,
  fittedTable,
  printTable,
  type TableColumn,
} from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.accounts.map');

const PURSUIT_CSV_COLUMNS = [
  'accountName',
  'accountId',
  'domain',
  'cloud',
  'relationship',
  'onTargetList',
  'hyperscalerOwner',
  'hyperscalerOwnerEmail',
  'isvOwner',
  'confidence',
  'nextStep',
];

export type AccountsMapResult = AccountMappingResult & {
  output: string | null;
  evidenceUpdated: string | null;
  saved: OrgUpsertResult | null;
};

/** The pursuit list in a terminal: which account and what to do next stay when it is narrow. */
function pursuitColumns(cloud: string): TableColumn[] {
  return [
    { key: 'account', name: 'Account', wrapsAt: 24 },
    { key: 'relationship', name: 'Relationship', priority: 1 },
    { key: 'target', name: 'Target', priority: 3 },
    { key: 'theirOwner', name: `${cloud} owner`, priority: 2, wrapsAt: 20 },
    { key: 'ourOwner', name: 'Our owner', priority: 4 },
    { key: 'nextStep', name: 'Next step', wrapsAt: 30 },
  ];
}

/** Weak matches: the key a decision names, the listed name and its candidates stay whole. */
const REVIEW_COLUMNS: TableColumn[] = [
  { key: 'key', name: 'Key' },
  { key: 'listed', name: 'Listed', wrapsAt: 20 },
  { key: 'basis', name: 'Basis', priority: 2 },
  { key: 'confidence', name: 'Confidence', priority: 1, align: 'right' },
  { key: 'candidates', name: 'Candidates', wrapsAt: 30 },
];

function readDecisions(file: string): ReviewDecision[] {
  const parsed = readJsonFlagFile(messages, file, 'error.badDecisions');
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (entry) =>
        entry &&
        typeof entry === 'object' &&
        typeof (entry as ReviewDecision).reviewKey === 'string' &&
        ((entry as ReviewDecision).accountId === null ||
          typeof (entry as ReviewDecision).accountId === 'string'),
    );
  if (!valid)
    throw messages.createError('error.badDecisions', [
      file,
      'expected an array of {"reviewKey": "...", "accountId": "001..." or null}',
    ]);
  return parsed as ReviewDecision[];
}

/** The evidence file's text with accountMapping.lastRunOn (and a defined pursuit list) set for the cloud. */
function evidenceWithRun(file: string, result: AccountMappingResult): string {
  const parsed = readJsonFlagFile(messages, file, 'error.badEvidence');
  const entries = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  const entry = entries.find((candidate) => candidate && candidate.cloud === result.cloud);
  if (!entry) throw messages.createError('error.evidenceNoCloud', [file, result.cloud]);
  const mapping = (entry.accountMapping ?? {}) as Record<string, unknown>;
  entry.accountMapping = {
    ...mapping,
    lastRunOn: result.ranOn,
    jointPursuitListDefined: result.pursuits.length > 0,
  };
  return `${JSON.stringify(Array.isArray(parsed) ? entries : entries[0], null, 2)}\n`;
}

export default class AccountsMap extends cosellCommand(messages)<AccountsMapResult> {
  public static readonly flags = {
    cloud: cloudFlag({ required: true, summary: messages.getMessage('flags.cloud.summary') }),
    'hyperscaler-list': Flags.file({
      char: 'l',
      required: true,
      exists: true,
      summary: messages.getMessage('flags.hyperscaler-list.summary'),
    }),
    'target-list': Flags.file({
      char: 't',
      exists: true,
      summary: messages.getMessage('flags.target-list.summary'),
    }),
    accounts: Flags.file({
      char: 'a',
      exists: true,
      exclusive: ['target-org'],
      summary: messages.getMessage('flags.accounts.summary'),
    }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    decisions: Flags.file({
      char: 'd',
      exists: true,
      summary: messages.getMessage('flags.decisions.summary'),
    }),
    'review-threshold': Flags.string({
      summary: messages.getMessage('flags.review-threshold.summary'),
      parse: async (input: string) => {
        const value = Number(input);
        if (!(value > 0 && value <= 1)) throw messages.createError('error.badThreshold', [input]);
        return input;
      },
    }),
    output: outputFlag(messages.getMessage('flags.output.summary')),
    evidence: Flags.file({
      char: 'e',
      exists: true,
      summary: messages.getMessage('flags.evidence.summary'),
    }),
    save: Flags.boolean({ default: false, summary: messages.getMessage('flags.save.summary') }),
    now: nowFlag,
  };

  public async run(): Promise<AccountsMapResult> {
    const { flags } = await this.parse(AccountsMap);
    const org = flags.accounts ? undefined : flags['target-org'];
    if (!flags.accounts && !org) throw messages.createError('error.noAccounts');
    if (flags.save && !org) throw messages.createError('error.saveNeedsOrg');
    const now = flags.now ? new Date(flags.now) : new Date();
    let result: AccountMappingResult;
    try {
      const hyperscaler = parseAccountList(
        readFlagFile(messages, flags['hyperscaler-list']),
        'hyperscaler',
      );
      const target = flags['target-list']
        ? parseAccountList(readFlagFile(messages, flags['target-list']), 'target')
        : { accounts: [], rejected: [] };
      let salesforceAccounts: SalesforceAccountRecord[];
      const rejected = [...hyperscaler.rejected, ...target.rejected];
      if (org)
        salesforceAccounts = await readOrgAccounts(
          orgConnection(org.getConnection(flags['api-version'])),
        );
      else {
        const parsed = parseSalesforceAccounts(readFlagFile(messages, flags.accounts as string));
        salesforceAccounts = parsed.accounts;
        rejected.push(...parsed.rejected);
      }
      result = mapAccounts({
        cloud: flags.cloud,
        ranOn: now.toISOString().slice(0, 10),
        hyperscalerAccounts: hyperscaler.accounts,
        targetAccounts: target.accounts,
        salesforceAccounts,
        decisions: flags.decisions ? readDecisions(flags.decisions) : [],
        ...(flags['review-threshold']
          ? { reviewThreshold: Number(flags['review-threshold']) }
          : {}),
        rejected,
      });
    } catch (error) {
      throw wordedError(
        messages,
        error,
        [AccountListError, AccountMappingError],
        'error.invalid',
        EXIT_CODES.findings,
      );
    }
    // Everything is checked before anything is written: a bad evidence file leaves both files and the org as they were.
    const evidence = flags.evidence ? evidenceWithRun(flags.evidence, result) : null;
    const pursuitRecords = flags.save ? jointPursuitRecords(result) : [];
    let saved: OrgUpsertResult | null = null;
    if (flags.save && org) {
      try {
        saved = await upsertToOrg(
          org.getConnection(flags['api-version']),
          JOINT_PURSUIT_OBJECT,
          JOINT_PURSUIT_KEY_FIELD,
          pursuitRecords,
        );
      } catch (error) {
        throw messages.createError(
          'error.saveFailed',
          [org.getUsername() ?? '', (error as Error).message],
          [],
          EXIT_CODES.orgNotReady,
          error as Error,
        );
      }
    }
    if (flags.output) {
      // Names come from the hyperscaler's list: formula-like ones are written as text.
      writeFileSync(flags.output, csvText(result.pursuits, PURSUIT_CSV_COLUMNS, { header: true }));
    }
    if (flags.evidence && evidence) writeFileSync(flags.evidence, evidence);
    this.render(result);
    if (flags.output)
      this.log(
        messages.getMessage('info.written', [
          counted(result.pursuits.length, 'pursuit'),
          flags.output,
        ]),
      );
    if (flags.evidence)
      this.log(messages.getMessage('info.evidence', [flags.evidence, result.ranOn]));
    if (saved) {
      this.log(
        messages.getMessage('info.saved', [
          counted(saved.created + saved.updated, 'pursuit'),
          JOINT_PURSUIT_OBJECT,
          saved.created,
          saved.updated,
        ]),
      );
      for (const failure of saved.failed)
        this.warn(
          messages.getMessage('info.saveRefused', [
            failure.key,
            failure.errors.map((error) => `${error.statusCode}: ${error.message}`).join('; '),
          ]),
        );
      if (saved.failed.length > 0) process.exitCode = EXIT_CODES.findings;
    }
    for (const row of result.rejected)
      this.warn(messages.getMessage('info.rejected', [row.list, row.row, row.reason]));
    if (result.review.length > 0) process.exitCode = EXIT_CODES.findings;
    return {
      ...result,
      output: flags.output ?? null,
      evidenceUpdated: flags.evidence ?? null,
      saved,
    };
  }

  private render(result: AccountMappingResult): void {
    this.styledHeader(
      messages.getMessage('info.pursuits', [
        counted(result.pursuits.length, 'pursuit'),
        result.cloud,
      ]),
    );
    const pursuits = result.pursuits.slice(0, TABLE_ROWS_SHOWN).map((pursuit) => ({
      account: pursuit.accountName,
      relationship: pursuit.relationship,
      target: pursuit.onTargetList ? 'yes' : '',
      theirOwner: pursuit.hyperscalerOwner ?? '',
      ourOwner: pursuit.isvOwner ?? '',
      nextStep: pursuit.nextStep,
    }));
    printTable(this, fittedTable(pursuitColumns(result.cloud), pursuits));
    if (result.pursuits.length > pursuits.length)
      this.log(messages.getMessage('info.tableCut', [pursuits.length, result.pursuits.length]));
    if (result.review.length > 0) {
      this.styledHeader(
        messages.getMessage('info.review', [counted(result.review.length, 'match')]),
      );
      const review = result.review.map((match) => ({
        key: match.reviewKey,
        listed: match.name,
        basis: match.basis,
        confidence: String(match.confidence),
        candidates: match.candidates
          .map((candidate) => `${candidate.id} ${candidate.name}`)
          .join('; '),
      }));
      printTable(this, fittedTable(REVIEW_COLUMNS, review));
    }
    const { summary } = result;
    this.log(
      messages.getMessage('info.summary', [
        summary.hyperscalerAccounts,
        summary.targetAccounts,
        summary.salesforceAccounts,
        summary.matched,
        summary.review,
        summary.unmatched,
      ]),
    );
  }
}
