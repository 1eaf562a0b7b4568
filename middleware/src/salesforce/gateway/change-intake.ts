// Reads what changed in the org since the last sync (co-sell Opportunities, and engagements whose
// requested action changed) page by page, hands each opportunity to the engine, and writes back the
// attribution the rules compute. Cursors move after each page is recorded, so a crash re-reads one
// page (harmless: the engine ignores versions it already holds) and never skips one.
import type { Kysely } from 'kysely';
import { CoSellOpportunity, type Cloud, type Finding } from '../../core/model.js';
import { ENGAGEMENT_FIELDS, ENGAGEMENT_OBJECT } from '../../core/salesforce-fields.js';
import { engagementKey, ENGAGEMENT_KEY_FIELD } from '../../core/salesforce-keys.js';
import { recordOpportunity } from '../../engine/intake.js';
import { audit } from '../../store/audit-log.js';
import type { Database } from '../../store/schema.js';
import type { SalesforceApi } from './api.js';
import { chunk } from './collections.js';
import { advanceCursor, readInstantCursor } from '../../store/sync-cursors.js';
import { opportunityFromRecord, systemModstampOf } from './opportunity-record.js';
import {
  changedEngagementsQuery,
  changedOpportunitiesQuery,
  opportunitiesByIdQuery,
  type OpportunityQueryOptions,
} from './queries.js';
import type { SalesforceWriteBack } from './writeback.js';

type Row = Record<string, unknown>;

/** Names of the intake's SystemModstamp cursors in the store (store/sync-cursors.ts). */
export const CURSOR_NAMES = {
  opportunities: 'salesforce:opportunities',
  engagements: 'salesforce:engagements',
} as const;

export interface IntakeOptions {
  db: Kysely<Database>;
  api: SalesforceApi;
  writeBack: SalesforceWriteBack;
  clock?: () => Date;
  /** False for orgs with a single currency (no CurrencyIsoCode on Opportunity). */
  multiCurrency?: boolean;
  corporateCurrency?: string;
  /**
   * Findings for one cloud's submission (the portal mapping + wire checks). When given, a
   * `Validate` request is answered here: findings written to the engagement, request cleared,
   * nothing sent to the portal. Without it, Validate requests stay for a service that can preview.
   */
  preview?: (opportunity: CoSellOpportunity, cloud: Cloud) => Finding[];
}

export interface IntakeResult {
  /** Rows read from Salesforce. */
  read: number;
  /** Opportunities the engine recorded as a new version. */
  recorded: number;
  /** Rows the canonical model refused (audited with the reason). */
  rejected: number;
  /** Outbox jobs the engine created. */
  jobs: number;
  /** Attribution values written back. */
  attributionWrites: number;
  /** Attribution writes Salesforce refused, as findings. */
  attributionFindings: Finding[];
  /** Validate requests answered with findings. */
  validated: number;
}

/** Ids per re-read query: 200 18-character Ids keep the query URL well under Salesforce's length limit. */
const IDS_PER_QUERY = 200;

function emptyResult(): IntakeResult {
  return {
    read: 0,
    recorded: 0,
    rejected: 0,
    jobs: 0,
    attributionWrites: 0,
    attributionFindings: [],
    validated: 0,
  };
}

function add(into: IntakeResult, from: IntakeResult): void {
  into.read += from.read;
  into.recorded += from.recorded;
  into.rejected += from.rejected;
  into.jobs += from.jobs;
  into.attributionWrites += from.attributionWrites;
  into.attributionFindings.push(...from.attributionFindings);
  into.validated += from.validated;
}

export class SalesforceChangeIntake {
  private readonly db: Kysely<Database>;
  private readonly api: SalesforceApi;
  private readonly clock: () => Date;
  private readonly queryOptions: OpportunityQueryOptions;
  private readonly corporateCurrency: string;

  constructor(private readonly options: IntakeOptions) {
    this.db = options.db;
    this.api = options.api;
    this.clock = options.clock ?? (() => new Date());
    this.queryOptions = { multiCurrency: options.multiCurrency ?? true };
    this.corporateCurrency = options.corporateCurrency ?? 'USD';
  }

  /** Records one page of Opportunity rows and writes back the attribution that changed. */
  private async recordPage(rows: readonly Row[]): Promise<IntakeResult> {
    const result = emptyResult();
    const now = this.clock();
    const parsed: CoSellOpportunity[] = [];
    const edited = new Set<string>();
    for (const row of rows) {
      result.read++;
      const input = opportunityFromRecord(row, { corporateCurrency: this.corporateCurrency });
      const checked = CoSellOpportunity.safeParse(input);
      if (!checked.success) {
        result.rejected++;
        const reasons = checked.error.issues.map(
          (issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`,
        );
        await audit(
          this.db,
          {
            side: 'salesforce',
            entity: 'opportunity',
            entityId: String(row.Id ?? 'unknown'),
            action: 'rejected',
            after: { reasons },
          },
          now,
        );
        continue;
      }
      const outcome = await recordOpportunity(this.db, checked.data, now);
      if (outcome.applied) result.recorded++;
      if (outcome.contentChanged) edited.add(checked.data.id);
      result.jobs += outcome.jobs.length;
      parsed.push(checked.data);
    }
    result.validated = await this.answerValidateRequests(parsed, edited, now);
    const written = await this.options.writeBack.writeAttributions(parsed);
    result.attributionWrites = written.sent;
    for (const failure of written.results) {
      if (!failure.ok)
        result.attributionFindings.push(
          ...failure.errors.map((error) => ({
            code: `salesforce.${error.statusCode}`,
            severity: 'error' as const,
            message: `Salesforce refused CoSell_Attribution__c: ${error.message}`,
            field: 'CoSell_Attribution__c',
          })),
        );
    }
    return result;
  }

  /**
   * Writes preview findings for every `Validate` request of the page (200 engagements a call) and
   * clears them. An engagement not yet shared that holds findings is judged again when the AE edits
   * the deal, so a fixed finding clears on the panel without asking again.
   */
  private async answerValidateRequests(
    opportunities: readonly CoSellOpportunity[],
    edited: ReadonlySet<string>,
    now: Date,
  ): Promise<number> {
    const preview = this.options.preview;
    if (!preview) return 0;
    const rejudged = (
      opportunity: CoSellOpportunity,
      engagement: CoSellOpportunity['engagements'][number],
    ) =>
      edited.has(opportunity.id) &&
      engagement.requestedAction === null &&
      engagement.portalId === null &&
      engagement.findings.length > 0;
    const records = opportunities.flatMap((opportunity) =>
      opportunity.engagements
        .filter(
          (engagement) =>
            engagement.requestedAction === 'Validate' || rejudged(opportunity, engagement),
        )
        .map((engagement) => ({
          [ENGAGEMENT_KEY_FIELD]: engagementKey(opportunity.id, engagement.cloud),
          [ENGAGEMENT_FIELDS.findings]: JSON.stringify(preview(opportunity, engagement.cloud)),
          [ENGAGEMENT_FIELDS.lastSyncedAt]: now.toISOString(),
          [ENGAGEMENT_FIELDS.requestedAction]: null,
        })),
    );
    const results = await this.options.writeBack.writeMany(
      { object: ENGAGEMENT_OBJECT, externalIdField: ENGAGEMENT_KEY_FIELD },
      records,
    );
    return results.filter((result) => result.ok).length;
  }

  /** Co-sell Opportunities changed since the cursor, 2,000 rows a page (one API call each). */
  async syncOpportunities(): Promise<IntakeResult> {
    const total = emptyResult();
    const since = await readInstantCursor(this.db, CURSOR_NAMES.opportunities);
    for await (const page of this.api.queryPages<Row>(
      changedOpportunitiesQuery(since, this.queryOptions),
    )) {
      add(total, await this.recordPage(page.records));
      const last = page.records.at(-1);
      const stamp = last ? systemModstampOf(last) : null;
      if (stamp) await advanceCursor(this.db, CURSOR_NAMES.opportunities, stamp, this.clock());
    }
    return total;
  }

  /**
   * Engagements changed since their cursor (a requested action is an edit of the engagement, which
   * does not touch its Opportunity's SystemModstamp): their Opportunities are re-read by Id and
   * recorded, and the engine turns the requests into jobs.
   */
  async syncEngagementRequests(): Promise<IntakeResult> {
    const total = emptyResult();
    const since = await readInstantCursor(this.db, CURSOR_NAMES.engagements);
    for await (const page of this.api.queryPages<Row>(changedEngagementsQuery(since))) {
      const wanted = [
        ...new Set(
          page.records
            .filter((row) => row.Requested_Action__c)
            .map((row) => String(row.Opportunity__c)),
        ),
      ];
      for (const ids of chunk(wanted, IDS_PER_QUERY)) {
        const rows = await this.api.queryAll<Row>(opportunitiesByIdQuery(ids, this.queryOptions));
        add(total, await this.recordPage(rows));
      }
      const last = page.records.at(-1);
      const stamp = last ? systemModstampOf(last) : null;
      if (stamp) await advanceCursor(this.db, CURSOR_NAMES.engagements, stamp, this.clock());
    }
    return total;
  }
}
