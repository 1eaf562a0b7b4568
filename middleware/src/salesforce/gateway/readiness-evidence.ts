// Copies the org's CoSell_Readiness__c records (one cloud's evidence as JSON each) into the store,
// where the readiness API reads them, so the API scores exactly what the alliance team recorded:
// the whole object on each periodic tick.
import { CLOUDS, type Cloud } from '../../core/model.js';
import { parseReadinessEvidence, ReadinessEvidenceError } from '../../core/readiness/index.js';
import { READINESS_FIELDS, READINESS_OBJECT } from '../../core/salesforce-fields.js';
import { saveReadinessEvidence } from '../../store/readiness-evidence.js';
import { WholeObjectMirror } from './whole-object-mirror.js';

type ReadinessRecord = {
  Id: string;
  Cloud__c: string | null;
  Evidence__c: string | null;
  LastModifiedDate: string;
};

export interface ReadinessEvidenceLoad {
  /** Clouds whose evidence was stored, with the record it came from. */
  stored: Array<{ cloud: Cloud; recordId: string }>;
  /** Records left out (bad JSON, an invalid field, an older duplicate), each with why. */
  skipped: Array<{ recordId: string; reason: string }>;
}

export function readinessEvidenceQuery(): string {
  return `SELECT ${Object.values(READINESS_FIELDS).join(', ')} FROM ${READINESS_OBJECT} ORDER BY LastModifiedDate DESC`;
}

export class ReadinessEvidenceSource extends WholeObjectMirror<ReadinessEvidenceLoad> {
  /** Reads every record; the newest valid one per cloud replaces what the store held for that cloud. */
  async load(): Promise<ReadinessEvidenceLoad> {
    const rows = await this.api.queryAll<ReadinessRecord>(readinessEvidenceQuery());
    const result: ReadinessEvidenceLoad = { stored: [], skipped: [] };
    const seen = new Set<Cloud>();
    for (const row of rows) {
      const cloud = CLOUDS.find((candidate) => candidate === row.Cloud__c);
      if (!cloud) {
        result.skipped.push({
          recordId: row.Id,
          reason: `${READINESS_FIELDS.cloud}: ${String(row.Cloud__c)} is not a cloud`,
        });
        continue;
      }
      if (seen.has(cloud)) {
        result.skipped.push({
          recordId: row.Id,
          reason: `a newer ${cloud} record is the one that counts`,
        });
        continue;
      }
      let parsed: unknown;
      try {
        parsed = row.Evidence__c?.trim() ? JSON.parse(row.Evidence__c) : {};
      } catch (error) {
        result.skipped.push({
          recordId: row.Id,
          reason: `${READINESS_FIELDS.evidence} is not JSON: ${(error as Error).message}`,
        });
        continue;
      }
      try {
        // The record's cloud decides which checklist the evidence belongs to.
        const evidence = parseReadinessEvidence({ ...(parsed as Record<string, unknown>), cloud });
        await saveReadinessEvidence(this.db, evidence, row.Id, this.clock());
        seen.add(cloud);
        result.stored.push({ cloud, recordId: row.Id });
      } catch (error) {
        if (!(error instanceof ReadinessEvidenceError)) throw error;
        result.skipped.push({
          recordId: row.Id,
          reason: `${READINESS_FIELDS.evidence}: ${error.message}`,
        });
      }
    }
    return result;
  }
}
