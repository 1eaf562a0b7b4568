// Read-backs through each portal's own API that count what the portal really holds, and how far it
// is from the revisions Salesforce holds of the pipeline deals (polled until they converge).
import {
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import type { Cloud } from '../../middleware/src/core/model.js';
import type { AceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import type { GetOpportunityOutput } from '../../middleware/src/portals/aws/generated/ace-schemas.js';
import type { GoogleEmulator } from '../../middleware/src/sandbox/google/emulator.js';
import type { MicrosoftEmulator } from '../../middleware/src/sandbox/microsoft/emulator.js';
import {
  pipelineOpportunityId,
  pipelineClouds,
  awsOnly,
  nextStepAt,
  amountAt,
} from './proof-pipeline.js';
import { PROOF_CREDENTIALS, PROOF_TOKEN, type ProofPortals } from './proof-portals.js';

/** index → the latest revision Salesforce holds of that pipeline deal. */
export type PipelineRevisions = ReadonlyMap<number, number>;

function sdkFor(url: string): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: PROOF_CREDENTIALS,
    maxAttempts: 3,
  });
}

/** SDK output → wire JSON (timestamps as RFC 3339), as the ACE readers expect. */
function wireJson<T>(value: unknown): T {
  return JSON.parse(
    JSON.stringify(value, (key, child: unknown) => (key === '$metadata' ? undefined : child)),
  ) as T;
}

/** Every partner-created opportunity in the emulator's Sandbox catalog, read back through the SDK. */
export async function aceOpportunities(url: string): Promise<Map<string, GetOpportunityOutput[]>> {
  const sdk = sdkFor(url);
  const byPartnerId = new Map<string, GetOpportunityOutput[]>();
  let token: string | undefined;
  do {
    const page = await sdk.send(
      new ListOpportunitiesCommand({
        Catalog: 'Sandbox',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const summary of page.OpportunitySummaries ?? []) {
      if (!summary.Id || !summary.PartnerOpportunityIdentifier) continue;
      const record = wireJson<GetOpportunityOutput>(
        await sdk.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: summary.Id })),
      );
      const list = byPartnerId.get(summary.PartnerOpportunityIdentifier) ?? [];
      list.push(record);
      byPartnerId.set(summary.PartnerOpportunityIdentifier, list);
    }
    token = page.NextToken;
  } while (token);
  return byPartnerId;
}

/** GETs a JSON page from a REST emulator with the sandbox bearer token. */
async function restPage(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${PROOF_TOKEN}`, accept: 'application/json' },
  });
  if (!response.ok)
    throw new Error(`read-back ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Every outgoing Partner Center referral, read back through the REST list (OData paging), by externalReferenceId. */
export async function microsoftReferrals(
  url: string,
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byReference = new Map<string, Array<Record<string, unknown>>>();
  let next: string | undefined =
    `${url}/v1.0/engagements/referrals?${new URLSearchParams({ $filter: "direction eq 'Outgoing'", $top: '100' }).toString()}`;
  while (next) {
    const page = await restPage(next);
    for (const referral of (page.value ?? []) as Array<Record<string, unknown>>) {
      const reference = String(referral.externalReferenceId ?? '(none)');
      byReference.set(reference, [...(byReference.get(reference) ?? []), referral]);
    }
    next = page['@odata.nextLink'] as string | undefined;
  }
  return byReference;
}

/** Every partner-sourced Cloud Channel opportunity, read back through opportunities:query, by referenceOpportunityId. */
export async function googleOpportunities(
  url: string,
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byReference = new Map<string, Array<Record<string, unknown>>>();
  let pageToken: string | undefined;
  do {
    const params = new URLSearchParams({
      filter: 'source = "PARTNER"',
      orderBy: 'createTime',
      pageSize: '100',
      ...(pageToken ? { pageToken } : {}),
    });
    const page = await restPage(`${url}/v1alpha1/opportunities:query?${params.toString()}`);
    for (const opportunity of (page.opportunities ?? []) as Array<Record<string, unknown>>) {
      const reference = String(opportunity.referenceOpportunityId ?? '(none)');
      byReference.set(reference, [...(byReference.get(reference) ?? []), opportunity]);
    }
    pageToken = page.nextPageToken as string | undefined;
  } while (pageToken);
  return byReference;
}

/**
 * Compares one portal with Salesforce's latest revisions: each deal that engages the cloud must be
 * created exactly once (counter) and held once (read-back) showing its latest revision; a deal that
 * does not engage it must not be there at all.
 */
function divergenceOf(
  cloud: Cloud,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[],
  createdBy: Record<string, number>,
  held: Map<string, unknown[]>,
  shown: (record: unknown) => unknown,
  expected: (index: number, revision: number) => string,
): string[] {
  const problems: string[] = [];
  for (const [index, revision] of latest) {
    const id = pipelineOpportunityId(index);
    const created = createdBy[id] ?? 0;
    const records = held.get(id) ?? [];
    if (!cloudsOf(index).includes(cloud)) {
      if (created !== 0 || records.length !== 0)
        problems.push(
          `${cloud} ${id}: not engaged, yet created ${created} time(s), ${records.length} record(s)`,
        );
      continue;
    }
    if (created !== 1 || records.length !== 1) {
      problems.push(
        `${cloud} ${id}: created ${created} time(s), ${records.length} record(s) in the portal`,
      );
      continue;
    }
    const want = expected(index, revision);
    const got = shown(records[0]);
    if (got !== want)
      problems.push(
        `${cloud} ${id}: portal shows "${String(got)}", Salesforce revision ${revision} says "${want}"`,
      );
  }
  return problems;
}

/**
 * Where ACE disagrees with Salesforce's latest revision of each opportunity: missing, created more
 * than once, or showing an older next step. Empty when the engine has caught up.
 */
export async function aceDivergence(
  emulator: AceEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = awsOnly,
): Promise<string[]> {
  return divergenceOf(
    'AWS',
    latest,
    cloudsOf,
    emulator.counters.createdByPartnerOpportunityId,
    await aceOpportunities(emulator.url),
    (record) => (record as GetOpportunityOutput).LifeCycle?.NextSteps,
    nextStepAt,
  );
}

/** The same for Partner Center: the referral's details.dealValue carries the revision's amount. */
export async function microsoftDivergence(
  emulator: MicrosoftEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): Promise<string[]> {
  return divergenceOf(
    'Microsoft',
    latest,
    cloudsOf,
    emulator.counters.createdByExternalReferenceId,
    await microsoftReferrals(emulator.url),
    (record) => String((record as { details?: { dealValue?: unknown } }).details?.dealValue),
    (index, revision) => String(amountAt(index, revision)),
  );
}

/** The same for Cloud Channel: isvSolutionConnectInfo.nextStep carries the revision's next step. */
export async function googleDivergence(
  emulator: GoogleEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): Promise<string[]> {
  return divergenceOf(
    'Google',
    latest,
    cloudsOf,
    emulator.counters.createdByReferenceOpportunityId,
    await googleOpportunities(emulator.url),
    (record) =>
      (record as { isvSolutionConnectInfo?: { nextStep?: unknown } }).isvSolutionConnectInfo
        ?.nextStep,
    nextStepAt,
  );
}

/** All three portals against the multi-cloud pipeline (deal `index` engages `pipelineClouds(index)`). */
export async function pipelineDivergence(
  portals: ProofPortals,
  latest: PipelineRevisions,
): Promise<string[]> {
  const [aws, microsoft, google] = await Promise.all([
    aceDivergence(portals.aws, latest, pipelineClouds),
    microsoftDivergence(portals.microsoft, latest, pipelineClouds),
    googleDivergence(portals.google, latest, pipelineClouds),
  ]);
  return [...aws, ...microsoft, ...google];
}

/** How many pipeline deals engage `cloud` (what its emulator's `created` counter must read). */
export function engagedCount(
  cloud: Cloud,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): number {
  return [...latest.keys()].filter((index) => cloudsOf(index).includes(cloud)).length;
}

/** Polls `check` until it returns nothing (converged) or the deadline passes; returns the last findings. */
export async function convergence(
  check: () => Promise<string[]>,
  deadlineMs: number,
  everyMs = 200,
): Promise<string[]> {
  const until = Date.now() + deadlineMs;
  let problems = await check();
  while (problems.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    problems = await check();
  }
  return problems;
}
