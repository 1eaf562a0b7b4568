// `cosell opportunity validate`: what each hyperscaler portal would say about org opportunities,
// offline: the mapping, the portal's wire rules and the submission lint, in Salesforce field terms.
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { cloudFlag, nowFlag, whereFlag } from '../../../cli/flags.js';
import { orgConnection } from '../../../salesforce/org-reads/org-connection.js';
import { terminalSafeText } from '../../../cli/terminal-safe.js';
import type { Finding } from '../../../core/model.js';
import { idList } from '../../../portals/id-list.js';
import type { PortalName } from '../../../portals/portal.js';
import { createPortalBinding, portalBinding } from '../../../portals/registry.js';
import {
  planOpportunityQuery,
  readOrgOpportunities,
} from '../../../salesforce/org-reads/opportunities.js';
import { orgReadError } from '../../../cli/opportunity-read.js';
import {
  cloudsToPreview,
  previewOpportunity,
  type CloudPreview,
} from '../../../portals/opportunity-preview.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { findingsTable } from '../../../cli/findings-table.js';
import { printTable } from '../../../cli/terminal-table.js';
import { counted } from '../../../cli/counted.js';

const messages = commandMessages('cosell.opportunity.validate');

/** What one cloud's portal would say: the preview's own result. */
export type CloudValidation = CloudPreview;

export type ValidatedOpportunity = {
  opportunityId: string | null;
  name: string | null;
  /** Every previewed cloud passes, and the record itself could be read. */
  valid: boolean;
  clouds: CloudValidation[];
  /** Values the org holds that the canonical model refuses (the record was not mapped). */
  unreadable: Finding[];
};

export type OpportunityValidateResult = {
  targetOrg: string;
  now: string;
  valid: boolean;
  opportunities: ValidatedOpportunity[];
};

/** Larger selections belong in `cosell lint`; validation maps every record three times. */
export const MAX_VALIDATED = 200;

export default class OpportunityValidate extends cosellCommand(
  messages,
)<OpportunityValidateResult> {
  public static readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    opportunity: Flags.salesforceId({
      char: 'i',
      length: 'both',
      startsWith: '006',
      summary: messages.getMessage('flags.opportunity.summary'),
      exactlyOne: ['opportunity', 'where'],
    }),
    where: whereFlag({ exactlyOne: ['opportunity', 'where'] }),
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    'microsoft-solution': Flags.string({
      multiple: true,
      delimiter: ',',
      summary: messages.getMessage('flags.microsoft-solution.summary'),
      description: messages.getMessage('flags.microsoft-solution.description'),
    }),
    now: nowFlag,
  };

  public async run(): Promise<OpportunityValidateResult> {
    const { flags } = await this.parse(OpportunityValidate);
    const org = flags['target-org'];
    const connection = orgConnection(org.getConnection(flags['api-version']));
    const now = new Date(flags.now ?? Date.now());
    // Microsoft's payload carries the ISV's co-sell solutions and Google's its product families,
    // from the settings the service reads.
    const microsoft = createPortalBinding('microsoft', {
      microsoft: {
        solutionIds: idList(flags['microsoft-solution'] ?? process.env.MS_SOLUTION_IDS),
      },
    });
    const google = createPortalBinding('google', {
      google: { productFamilies: idList(process.env.GOOGLE_PRODUCT_FAMILIES) },
    });
    const binding = (portal: PortalName) =>
      portal === 'microsoft' ? microsoft : portal === 'google' ? google : portalBinding(portal);
    this.spinner.start(messages.getMessage('info.querying', [org.getUsername() ?? '']));
    const opportunities: ValidatedOpportunity[] = [];
    try {
      const plan = await planOpportunityQuery(connection, 'validate');
      const selection = flags.opportunity
        ? { ids: [flags.opportunity] }
        : { where: flags.where as string };
      for await (const record of readOrgOpportunities(connection, plan, selection)) {
        if (opportunities.length === MAX_VALIDATED)
          throw messages.createError('error.tooMany', [MAX_VALIDATED]);
        if (record.kind === 'rejected') {
          opportunities.push({
            opportunityId: record.opportunityId,
            name: null,
            valid: false,
            clouds: [],
            unreadable: record.findings,
          });
          continue;
        }
        const { opportunity } = record;
        const clouds = previewOpportunity(
          opportunity,
          cloudsToPreview(opportunity, flags.cloud),
          binding,
          now,
        );
        opportunities.push({
          opportunityId: opportunity.id,
          name: opportunity.name,
          valid: clouds.every((cloud) => cloud.valid),
          clouds,
          unreadable: [],
        });
      }
    } catch (error) {
      throw orgReadError(messages, error);
    } finally {
      this.spinner.stop();
    }
    if (opportunities.length === 0) {
      throw messages.createError(
        flags.opportunity ? 'error.notFound' : 'error.noneMatched',
        [flags.opportunity ?? flags.where ?? ''],
        [],
        EXIT_CODES.findings,
      );
    }
    this.render(opportunities);
    const valid = opportunities.every((opportunity) => opportunity.valid);
    if (!valid) process.exitCode = EXIT_CODES.findings;
    return { targetOrg: org.getUsername() ?? '', now: now.toISOString(), valid, opportunities };
  }

  private render(opportunities: ValidatedOpportunity[]): void {
    for (const opportunity of opportunities) {
      this.styledHeader(
        terminalSafeText(
          `${opportunity.name ?? '(unreadable)'} ${opportunity.opportunityId ?? ''}`.trim(),
        ),
      );
      const rows = [
        ...opportunity.unreadable.map((finding) => ({
          cloud: '',
          severity: finding.severity,
          field: finding.field ?? '',
          code: finding.code,
          message: finding.message,
        })),
        ...opportunity.clouds.flatMap((cloud) =>
          cloud.findings.map((finding) => ({
            cloud: cloud.cloud,
            severity: finding.severity,
            field: finding.field ?? finding.path ?? '',
            code: finding.code,
            message: finding.message,
          })),
        ),
      ];
      if (rows.length > 0)
        printTable(this, findingsTable(rows, ['cloud', 'severity', 'field', 'code', 'message']));
      for (const cloud of opportunity.clouds) {
        this.log(
          messages.getMessage(cloud.valid ? 'info.cloudReady' : 'info.cloudBlocked', [
            cloud.cloud,
            counted(cloud.errors, 'error'),
            counted(cloud.warnings, 'warning'),
          ]),
        );
      }
    }
    const ready = opportunities.filter((opportunity) => opportunity.valid).length;
    this.log(
      messages.getMessage('info.summary', [
        counted(opportunities.length, 'opportunity'),
        ready,
        opportunities.length - ready,
      ]),
    );
  }
}
