// Copies the org's CoSell_Counterpart__c records into the store, where triage (a sender named with
// no role), readiness, coverage and maturity read them: the whole object on each periodic tick.
import {
  addCounterpartRecord,
  counterpartSoql,
  type OrgCounterparts,
} from '../counterpart-reader.js';
import { replaceCounterparts } from '../../store/counterparts.js';
import { WholeObjectMirror } from './whole-object-mirror.js';

export interface CounterpartLoad {
  /** How many counterparts the store now holds. */
  stored: number;
  /** Whether the store's copy changed with this read. */
  changed: boolean;
  /** Records the model refuses, by Id with the Salesforce field at fault; they are left out. */
  skipped: OrgCounterparts['skipped'];
}

export class CounterpartSource extends WholeObjectMirror<CounterpartLoad> {
  /** Reads every counterpart record; the store then holds exactly the valid ones. */
  async load(): Promise<CounterpartLoad> {
    const result: OrgCounterparts = { counterparts: [], skipped: [] };
    for (const record of await this.api.queryAll<Record<string, unknown>>(counterpartSoql()))
      addCounterpartRecord(result, record);
    const changed = await replaceCounterparts(this.db, result.counterparts, this.clock());
    return { stored: result.counterparts.length, changed, skipped: result.skipped };
  }
}
