// Loads the org's CoSell_Triage_Rule__mdt records and resolves them over the core defaults
// (core/triage/metadata.ts turns records into rules).
import {
  DEFAULT_TRIAGE_RULES,
  resolveTriageConfig,
  triageConfigFromRecords,
  triageRuleQuery,
  type ResolvedTriageConfig,
  type TriageRule,
  type TriageRuleRecord,
} from '../../core/triage/index.js';
import type { SalesforceApi } from './api.js';

/**
 * The org's triage configuration, refreshed on demand (the gateway reloads it when the intake sees
 * the records change, and on a timer); the core defaults apply when the org has no records.
 */
export class TriageRuleSource {
  private current: ResolvedTriageConfig | null = null;

  constructor(
    private readonly api: SalesforceApi,
    private readonly defaults: readonly TriageRule[] = DEFAULT_TRIAGE_RULES,
  ) {}

  async load(): Promise<ResolvedTriageConfig> {
    const rows = await this.api.queryAll<TriageRuleRecord>(triageRuleQuery());
    this.current =
      rows.length === 0
        ? resolveTriageConfig({}, this.defaults)
        : triageConfigFromRecords(rows, this.defaults);
    return this.current;
  }

  /** The loaded configuration (loading it on first use). */
  async config(): Promise<ResolvedTriageConfig> {
    return this.current ?? this.load();
  }
}
