// Mapping findings in a sales rep's words: every one names the portal, the portal JSON path, the Salesforce field to
// fix and says, in a sales rep's terms, what goes instead and what to change. Present tense: the same finding
// stands in a preview, before anything is sent, and on the engagement after a submission.
import type { Cloud, Finding, Severity } from '../../core/model.js';
import type { PortalName } from '../portal.js';
import type { Rejection } from './transforms.js';

export const PORTAL_DISPLAY_NAMES: Record<PortalName, string> = {
  aws: 'AWS Partner Central',
  microsoft: 'Microsoft Partner Center',
  google: 'Google Cloud Partner Network',
};

const CODE_PREFIX: Record<PortalName, string> = {
  aws: 'AWS',
  microsoft: 'MICROSOFT',
  google: 'GOOGLE',
};

/** Stable finding kinds; the code is `<PORTAL>_MAP_<KIND>`, e.g. `AWS_MAP_REQUIRED_MISSING`. */
export type MappingFindingKind =
  | 'REQUIRED_MISSING'
  | 'VALUE_INVALID'
  | 'VALUE_UNMAPPED'
  | 'VALUE_REPLACED'
  | 'DEFAULT_USED'
  | 'VALUE_NOT_SENT'
  | 'ITEMS_NOT_SENT'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'TRUNCATED'
  | 'LIST_TOO_SHORT'
  | 'LIST_TRUNCATED';

export function mappingCode(portal: PortalName, kind: MappingFindingKind): string {
  return `${CODE_PREFIX[portal]}_MAP_${kind}`;
}

/** Why the CRM value was not used as it is. */
export type Unusable = 'empty' | 'inPast' | Rejection;

/** What the rep can do, by the kind of value the portal wanted. */
const FORMAT_HINTS: Partial<Record<string, string>> = {
  country: "Use the country's English name or its two-letter code, e.g. DE.",
  phone: 'Give it in international form with the country code, e.g. +44 20 7946 0958.',
  email: 'Give a full address, e.g. dana.whitfield@northwind-health.example.',
  domain: "Give the company's web address, e.g. northwind-health.example.",
  isoDate: 'Use a real calendar date.',
  utcDateTime: 'Use a real calendar date.',
  googleDate: 'Use a real calendar date.',
};

export type FindingSite = {
  portal: PortalName;
  cloud: Cloud;
  /** `$.LifeCycle.TargetCloseDate` */
  path: string;
  /** Salesforce API name and label of the field behind it, when there is one. */
  field?: { apiName: string; label: string };
};

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => `"${String(item)}"`).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return `"${String(value)}"`;
}

function reasonPhrase(reason: Unusable, raw: unknown, portalName: string): string {
  switch (reason) {
    case 'empty':
      return 'is empty';
    case 'inPast':
      return `${String(raw)} is in the past`;
    case 'unmapped':
      return `${describeValue(raw)} has no ${portalName} equivalent in the mapping`;
    case 'negative':
      return `${describeValue(raw)} is negative`;
    case 'invalid':
      return `${describeValue(raw)} is not valid for ${portalName}`;
  }
}

export type FindingDetails = {
  kind: MappingFindingKind;
  severity: Severity;
  reason?: Unusable;
  raw?: unknown;
  sent?: unknown;
  /** How a replacement value was worked out: "today + 15 days". */
  how?: string;
  why?: string;
  transform?: string;
  valueMap?: string;
  limit?: number;
  length?: number;
};

function sentence(site: FindingSite, details: FindingDetails): string {
  const portalName = PORTAL_DISPLAY_NAMES[site.portal];
  const label = site.field?.label ?? site.path;
  const because = details.why ? ` (${details.why})` : '';
  const reason = details.reason
    ? reasonPhrase(details.reason, details.raw, portalName)
    : 'is empty';
  const hint = (details.transform && FORMAT_HINTS[details.transform]) ?? '';
  // In Salesforce terms: the admin adds a Co-Sell Value Map record in Setup; config/mapping holds only the shipped defaults.
  const adminHint = details.valueMap
    ? ` Pick another ${label} value, or ask your Salesforce admin to add a Co-Sell Value Map record (Setup > Custom Metadata Types > Co-Sell Value Map > Manage Records) with Portal ${site.cloud}, Value Map "${details.valueMap}", Salesforce Value ${describeValue(details.raw)} and the ${portalName} value it stands for.`
    : '';
  switch (details.kind) {
    case 'REQUIRED_MISSING':
      return `${label} is empty, and ${portalName} needs it${because}. Fill in ${label}.`;
    case 'VALUE_INVALID':
      return `${label} ${reason}, and ${portalName} needs it${because}. ${hint}`.trim();
    case 'VALUE_UNMAPPED':
      return `${label} ${reason}, and ${portalName} needs it${because}.${adminHint}`;
    case 'VALUE_REPLACED':
      return `${label} ${reason}, so ${describeValue(details.sent)}${details.how ? ` (${details.how})` : ''} goes to ${portalName}. Update ${label} with the real value.`;
    case 'DEFAULT_USED':
      return `${label} ${reason}, so the default ${describeValue(details.sent)} goes to ${portalName}.${details.reason === 'empty' ? ` Fill in ${label} to send the real value.` : adminHint}`;
    case 'VALUE_NOT_SENT':
      return `${label} ${reason}, so it is left out of what goes to ${portalName}. ${hint}${details.valueMap ? adminHint : ''}`.trim();
    case 'ITEMS_NOT_SENT':
      return `${label} ${describeValue(details.raw)} cannot be sent: ${portalName} has no equivalent, or takes only one value here. Mention them in Co-Sell Help Details if they matter.`;
    case 'TOO_LONG':
      return `${label} is ${details.length} characters; ${portalName} takes at most ${details.limit}. Shorten ${label}.`;
    case 'TRUNCATED':
      return `${label} is ${details.length} characters; ${portalName} takes at most ${details.limit}, so only the first ${details.limit} go. Shorten ${label} to send it whole.`;
    case 'TOO_SHORT':
      return `${label} is ${details.length} characters; ${portalName} needs at least ${details.limit}${because}. Write more in ${label}.`;
    case 'LIST_TOO_SHORT':
      return `The opportunity has ${details.length} contact role(s); ${portalName} needs at least ${details.limit}${because}. Add a contact role on the Opportunity.`;
    case 'LIST_TRUNCATED':
      return `The opportunity has ${details.length} contact roles; ${portalName} takes at most ${details.limit}, so only the first ${details.limit} go.`;
  }
}

export function mappingFinding(site: FindingSite, details: FindingDetails): Finding {
  const finding: Finding = {
    code: mappingCode(site.portal, details.kind),
    severity: details.severity,
    message: sentence(site, details),
    cloud: site.cloud,
    path: site.path,
  };
  if (site.field) finding.field = site.field.apiName;
  if (details.raw !== undefined || details.sent !== undefined) {
    finding.evidence = {};
    if (details.raw !== undefined) finding.evidence.value = details.raw;
    if (details.sent !== undefined) finding.evidence.sent = details.sent;
  }
  return finding;
}
