// Turns an Opportunity row as the intake query returns it (parent fields nested, engagements and
// contact roles as child query results) into the canonical opportunity the engine records.
import { Finding, type CoSellOpportunityInput } from '../core/model.js';

type Row = Record<string, unknown>;

interface ChildResult {
  records?: Row[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Salesforce datetimes come as `2026-03-02T09:15:00.000+0000`; the model wants a plain ISO instant. */
function instant(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const parsed = new Date(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed.getTime()) ? raw : parsed.toISOString();
}

/** Multi-select picklists arrive as `AWS;Microsoft`; values are kept as read so validation names unknown ones. */
function multiSelect(value: unknown): string[] {
  return (text(value) ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parent(row: Row, name: string): Row {
  const value = row[name];
  return typeof value === 'object' && value !== null ? (value as Row) : {};
}

function children(row: Row, relationship: string): Row[] {
  const value = row[relationship] as ChildResult | null | undefined;
  return value?.records ?? [];
}

/** `Findings__c` holds JSON the service wrote; anything else (a person's edit, truncation) reads as none. */
function findingsOf(value: unknown): Finding[] {
  const raw = text(value);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) => {
      const finding = Finding.safeParse(item);
      return finding.success ? [finding.data] : [];
    });
  } catch {
    return [];
  }
}

function engagementOf(row: Row): Row {
  return {
    ...(text(row.Id) ? { id: row.Id as string } : {}),
    cloud: String(row.Cloud__c ?? ''),
    portalId: text(row.Portal_Id__c),
    status: text(row.Status__c) ?? 'Draft',
    submittedAt: instant(row.Submitted_At__c),
    acceptedAt: instant(row.Accepted_At__c),
    findings: findingsOf(row.Findings__c),
    requestedAction: text(row.Requested_Action__c),
    lastSyncedAt: instant(row.Last_Synced_At__c),
    syncError: text(row.Sync_Error__c),
  };
}

export interface OpportunityRecordOptions {
  /** Used when the org has a single currency (no CurrencyIsoCode field). */
  corporateCurrency: string;
}

/** The canonical input for one Opportunity row; `CoSellOpportunity.parse` (in the engine) validates it. */
export function opportunityFromRecord(
  row: Row,
  options: OpportunityRecordOptions,
): CoSellOpportunityInput {
  const account = parent(row, 'Account');
  const owner = parent(row, 'Owner');
  const engagements = children(row, 'CoSell_Engagements__r').map(engagementOf);
  const contacts = children(row, 'OpportunityContactRoles').flatMap((role) => {
    const contact = parent(role, 'Contact');
    const lastName = text(contact.LastName);
    if (!lastName) return [];
    return [
      {
        ...(text(contact.Id) ? { id: contact.Id as string } : {}),
        firstName: text(contact.FirstName),
        lastName,
        email: text(contact.Email),
        phone: text(contact.Phone),
        title: text(contact.Title),
        role: text(role.Role),
      },
    ];
  });
  const input = {
    id: String(row.Id ?? ''),
    name: String(row.Name ?? ''),
    amount: num(row.Amount),
    currencyIsoCode: text(row.CurrencyIsoCode) ?? options.corporateCurrency,
    stageName: String(row.StageName ?? ''),
    probability: num(row.Probability),
    isClosed: row.IsClosed === true,
    isWon: row.IsWon === true,
    closeDate: String(row.CloseDate ?? ''),
    createdDate: instant(row.CreatedDate) ?? '',
    lastModifiedDate: instant(row.LastModifiedDate) ?? '',
    description: text(row.Description),
    nextStep: text(row.NextStep),
    type: text(row.Type),
    ownerId: text(row.OwnerId),
    ownerName: text(owner.Name),
    ownerEmail: text(owner.Email),
    account: {
      ...(text(row.AccountId) ? { id: row.AccountId as string } : {}),
      name: String(account.Name ?? ''),
      website: text(account.Website),
      industry: text(account.Industry),
      billingStreet: text(account.BillingStreet),
      billingCity: text(account.BillingCity),
      billingState: text(account.BillingState),
      billingPostalCode: text(account.BillingPostalCode),
      billingCountry: text(account.BillingCountry),
    },
    contacts,
    coSell: {
      clouds: multiSelect(row.CoSell_Clouds__c),
      origin: text(row.CoSell_Origin__c),
      originatingCloud: text(row.CoSell_Originating_Cloud__c),
      attribution: text(row.CoSell_Attribution__c),
      helpNeeded: multiSelect(row.CoSell_Help_Needed__c),
      helpDetails: text(row.CoSell_Help_Details__c),
      marketplaceRoute: text(row.Marketplace_Route__c) ?? 'None',
      commitDrawdown: text(row.Commit_Drawdown__c) ?? 'None',
      tenancyArchetype: text(row.Tenancy_Archetype__c),
      expectedMonthlySpend: num(row.CoSell_Expected_Monthly_Spend__c),
      useCase: text(row.CoSell_Use_Case__c),
    },
    engagements,
  };
  // Picklist values are passed through as read: the engine's CoSellOpportunity.parse names any the model refuses.
  return input as unknown as CoSellOpportunityInput;
}

/** SystemModstamp of a row, for the intake cursor. */
export function systemModstampOf(row: Row): Date | null {
  const value = instant(row.SystemModstamp);
  return value ? new Date(value) : null;
}
