// The base of a source that mirrors one small org object whole into the store on the service's
// periodic tick: the counterparts and the readiness evidence. Such objects hold tens of records,
// and a SystemModstamp cursor cannot see a deleted one, so each read takes every record.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { SalesforceApi } from './api.js';

export abstract class WholeObjectMirror<Load> {
  constructor(
    protected readonly api: SalesforceApi,
    protected readonly db: Kysely<Database>,
    protected readonly clock: () => Date = () => new Date(),
  ) {}

  /** Reads every record of the object and brings the store's copy in line with it. */
  abstract load(): Promise<Load>;
}
