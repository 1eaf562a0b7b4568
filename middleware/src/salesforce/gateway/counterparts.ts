// Copies the org's CoSell_Counterpart__c records into the store, where triage (a sender named with
// no role), readiness, coverage and maturity read them. The object is small (tens of people) and a
// SystemModstamp cursor cannot see a deleted record, so each read takes the whole object: one
// query on the service's periodic tick, as the readiness evidence is read.
import type { Kysely } from 'kysely';
import {
  addCounterpartRecord,
  counterpartSoql,
  type OrgCounterparts,
} from '../counterpart-reader.js';
import { replaceCounterparts } from '../../store/counterparts.js';
import type { Database } from '../../store/schema.js';
import type { SalesforceApi } from './api.js';

export interface CounterpartLoad {
  /** How many counterparts the store now holds. */
  stored: number;
  /** Whether the store's copy changed with this read. */
  changed: boolean;
  /** Records the model refuses, by Id with the Salesforce field at fault; they are left out. */
  skipped: OrgCounterparts['skipped'];
}

export class CounterpartSource {
  constructor(
    private readonly api: SalesforceApi,
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Reads every counterpart record; the store then holds exactly the valid ones. */
  async load(): Promise<CounterpartLoad> {
    const result: OrgCounterparts = { counterparts: [], skipped: [] };
    for (const record of await this.api.queryAll<Record<string, unknown>>(counterpartSoql()))
      addCounterpartRecord(result, record);
    const changed = await replaceCounterparts(this.db, result.counterparts, this.clock());
    return { stored: result.counterparts.length, changed, skipped: result.skipped };
  }
}
