// A fake org for command tests: MockTestOrgData auth plus a `fakeConnectionRequest` that answers
// describes and SOQL from realistic records, pages large answers like Salesforce does (so paging is
// exercised), answers sObject Collections upserts, and records every SOQL statement and write sent.
// No network, no real org.
import type { TestContext } from '@salesforce/core/testSetup';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import {
  COUNTERPART_FIELDS,
  ENGAGEMENT_FIELDS,
  JOINT_PURSUIT_FIELDS,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  METRIC_FIELDS,
  READINESS_FIELDS,
  TRIAGE_RULE_FIELDS,
  VALUE_MAP_FIELDS,
} from '../../../../middleware/src/core/salesforce-fields.js';
import { INTEGRATION_ACCESS } from '../../../../middleware/src/core/integration-access.js';

export type SoqlRecord = Record<string, unknown>;

export interface FakeOrgData {
  /** Describe answers by object; objects left out answer NOT_FOUND, like an org without the package. */
  describes: Record<
    string,
    { fields: string[]; childRelationships?: string[]; picklists?: Record<string, string[]> }
  >;
  /** SOQL answers: the first matcher whose pattern matches the statement answers it. */
  queries: Array<{ match: RegExp; records: SoqlRecord[] }>;
  /** Records per page (Salesforce uses 2000; small here so paging is exercised). */
  pageSize?: number;
  /** Upserts by external id: a record this returns a message for is refused, like a validation rule. */
  refuse?: (object: string, record: Record<string, unknown>) => string | null;
}

/** One sObject Collections upsert the org received, and the records it now holds by external id. */
export interface FakeOrgWrite {
  object: string;
  externalIdField: string;
  records: Array<Record<string, unknown>>;
}

export interface FakeOrg {
  username: string;
  soql: string[];
  writes: FakeOrgWrite[];
  /** Records upserted so far, by object and then external id value. */
  stored: Map<string, Map<string, Record<string, unknown>>>;
}

function notFound(what: string): Error {
  return Object.assign(new Error(`The requested resource does not exist: ${what}`), {
    errorCode: 'NOT_FOUND',
    name: 'NOT_FOUND',
  });
}

/** Describes of an org with the whole package installed (standard fields the commands need included). */
export function packagedOrgDescribes(
  options: { multiCurrency?: boolean } = {},
): FakeOrgData['describes'] {
  const own = (table: Record<string, string>) =>
    Object.values(table).filter((name) => !name.includes('.'));
  const describes: FakeOrgData['describes'] = {
    Opportunity: {
      fields: [
        ...own(OPPORTUNITY_FIELDS).filter(
          (name) => options.multiCurrency || name !== 'CurrencyIsoCode',
        ),
      ],
      childRelationships: ['CoSell_Engagements__r', 'OpportunityContactRoles'],
    },
    CoSell_Engagement__c: { fields: [...own(ENGAGEMENT_FIELDS), 'Engagement_Key__c'] },
    CoSell_Referral__c: { fields: [...own(REFERRAL_FIELDS), 'Referral_Key__c'] },
    CoSell_Counterpart__c: { fields: own(COUNTERPART_FIELDS) },
    CoSell_Metric__c: { fields: own(METRIC_FIELDS) },
    CoSell_Joint_Pursuit__c: { fields: own(JOINT_PURSUIT_FIELDS) },
    CoSell_Triage_Rule__mdt: { fields: Object.values(TRIAGE_RULE_FIELDS) },
    CoSell_Readiness__c: { fields: own(READINESS_FIELDS) },
    CoSell_Value_Map__mdt: { fields: Object.values(VALUE_MAP_FIELDS) },
    Account: { fields: ['Id', 'Name', ...INTEGRATION_ACCESS.Account.readFields] },
    Contact: { fields: ['Id', 'LastName', ...INTEGRATION_ACCESS.Contact.readFields] },
  };
  return describes;
}

/** Describes of a plain org: standard objects only, no co-sell fields. */
export function plainOrgDescribes(): FakeOrgData['describes'] {
  return {
    Opportunity: {
      fields: [
        'Id',
        'Name',
        'Amount',
        'StageName',
        'IsClosed',
        'IsWon',
        'CloseDate',
        'CreatedDate',
        'LastModifiedDate',
        'AccountId',
      ],
      childRelationships: ['OpportunityContactRoles'],
    },
    Account: { fields: ['Id', 'Name', 'Website', 'Industry', 'BillingAddress'] },
    Contact: { fields: ['Id', 'LastName', 'Email', 'Phone', 'Title'] },
  };
}

export async function fakeOrg($$: TestContext, data: FakeOrgData): Promise<FakeOrg> {
  const testOrg = new MockTestOrgData();
  await $$.stubAuths(testOrg);
  $$.stubAliases({});
  const soql: string[] = [];
  const writes: FakeOrgWrite[] = [];
  const stored = new Map<string, Map<string, Record<string, unknown>>>();
  const pageSize = data.pageSize ?? 2;
  const cursors = new Map<string, SoqlRecord[]>();
  const page = (records: SoqlRecord[], start: number, base: string) => {
    const rest = records.slice(start + pageSize);
    const locator = `01gFAKE${cursors.size}-${start + pageSize}`;
    if (rest.length > 0) cursors.set(locator, records);
    return {
      totalSize: records.length,
      done: rest.length === 0,
      ...(rest.length > 0 ? { nextRecordsUrl: `${base}/query/${locator}` } : {}),
      records: records.slice(start, start + pageSize),
    };
  };
  const answer = (request: unknown): Promise<unknown> => {
    // jsforce passes a request object, or a bare URL string for describes.
    const url = typeof request === 'string' ? request : (request as { url: string }).url;
    const parsed = new URL(url, testOrg.instanceUrl);
    const base = parsed.pathname.replace(/\/(query|sobjects)\b.*$/, '');
    const describe = /\/sobjects\/([^/]+)\/describe$/.exec(parsed.pathname);
    if (describe) {
      const name = decodeURIComponent(describe[1] ?? '');
      const found = data.describes[name];
      if (!found) return Promise.reject(notFound(name));
      return Promise.resolve({
        name,
        fields: found.fields.map((field) => ({
          name: field,
          ...(found.picklists?.[field]
            ? { picklistValues: found.picklists[field]!.map((value) => ({ value, active: true })) }
            : {}),
        })),
        childRelationships: (found.childRelationships ?? []).map((relationshipName) => ({
          relationshipName,
        })),
      });
    }
    const more = /\/query\/(01gFAKE\d+)-(\d+)$/.exec(parsed.pathname);
    if (more) {
      const records = cursors.get(`${more[1]}-${more[2]}`);
      if (!records) return Promise.reject(notFound(url));
      return Promise.resolve(page(records, Number(more[2]), base));
    }
    const upsert = /\/composite\/sobjects\/([^/]+)\/([^/]+)$/.exec(parsed.pathname);
    if (
      upsert &&
      typeof request === 'object' &&
      (request as { method?: string }).method === 'PATCH'
    ) {
      const [, object, externalIdField] = upsert as unknown as [string, string, string];
      const body = JSON.parse(String((request as { body?: unknown }).body)) as {
        allOrNone: boolean;
        records: Array<Record<string, unknown>>;
      };
      if (body.records.length > 200)
        return Promise.reject(
          Object.assign(new Error('EXCEEDED_MAX_SIZE_REQUEST'), { errorCode: 'EXCEEDED_ID_LIMIT' }),
        );
      writes.push({ object, externalIdField, records: body.records });
      const table = stored.get(object) ?? new Map<string, Record<string, unknown>>();
      stored.set(object, table);
      return Promise.resolve(
        body.records.map((record) => {
          const refused = data.refuse?.(object, record) ?? null;
          if (refused)
            return {
              id: null,
              success: false,
              errors: [
                { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: refused, fields: [] },
              ],
            };
          const key = String(record[externalIdField]);
          const created = !table.has(key);
          table.set(key, { ...table.get(key), ...record });
          return {
            id: `a0X${String(table.size).padStart(15, '0')}`,
            success: true,
            created,
            errors: [],
          };
        }),
      );
    }
    const statement = parsed.searchParams.get('q');
    // The org flag reads the Organization record itself; the commands' own SOQL is what tests inspect.
    if (statement !== null && / FROM Organization$/.test(statement)) {
      return Promise.resolve({
        totalSize: 1,
        done: true,
        records: [
          {
            Name: 'Acme Data',
            InstanceName: 'NA224',
            IsSandbox: false,
            TrialExpirationDate: null,
            NamespacePrefix: null,
            OrganizationType: 'Enterprise Edition',
          },
        ],
      });
    }
    if (statement !== null) {
      soql.push(statement);
      const matched = data.queries.find((candidate) => candidate.match.test(statement));
      if (!matched)
        return Promise.reject(
          Object.assign(new Error(`no fake answer for ${statement}`), {
            errorCode: 'MALFORMED_QUERY',
          }),
        );
      return Promise.resolve(page(matched.records, 0, base));
    }
    return Promise.reject(
      new Error(
        `fake org cannot answer ${typeof request === 'string' ? 'GET' : String((request as { method?: string }).method ?? 'GET')} ${url}`,
      ),
    );
  };
  $$.fakeConnectionRequest = (request) =>
    answer(request) as ReturnType<TestContext['fakeConnectionRequest']>;
  return { username: testOrg.username, soql, writes, stored };
}
