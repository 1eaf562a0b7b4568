import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { lintOpportunities } from '../../../middleware/src/core/lint/index.js';
import type { CoSellOpportunity } from '../../../middleware/src/core/model.js';
import {
  readOpportunityExport,
  writeOpportunityExport,
} from '../../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from '../../../scripts/export-generator/opportunities.js';
import { NOW } from '../../fixtures/opportunity.js';

async function exportOf(opps: Iterable<CoSellOpportunity>): Promise<string> {
  let text = '';
  await writeOpportunityExport(
    opps,
    new Writable({
      write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()),
    }),
  );
  return text;
}

describe('generated exports (shared by tests, benchmark and demo)', () => {
  it('are the same for the same seed and differ for another', async () => {
    const first = await exportOf(generateOpportunities({ count: 200, seed: 7, now: NOW }));
    expect(await exportOf(generateOpportunities({ count: 200, seed: 7, now: NOW }))).toBe(first);
    expect(await exportOf(generateOpportunities({ count: 200, seed: 8, now: NOW }))).not.toBe(
      first,
    );
  });

  it('read back without a rejected row and give the lint every planted mistake to find', async () => {
    const opps: CoSellOpportunity[] = [];
    for await (const row of readOpportunityExport(
      await exportOf(generateOpportunities({ count: 2000, seed: 2027, now: NOW })),
    )) {
      if (row.kind === 'rejected') throw new Error(row.findings[0]?.message);
      opps.push(row.opportunity);
    }
    expect(opps).toHaveLength(2000);
    expect(new Set(opps.map((opp) => opp.id)).size).toBe(2000);
    const codes = new Set(lintOpportunities(opps, { now: NOW }).map((finding) => finding.code));
    for (const code of [
      'LINT_TEMPLATE_NAME',
      'LINT_THIN_DESCRIPTION',
      'LINT_MISSING_USE_CASE',
      'LINT_STALE_RECORD',
      'LINT_PAST_CLOSE_DATE',
      'LINT_NO_HYPERSCALER_ASK',
      'LINT_WON_DEAL_FOR_CREDIT',
      'LINT_PLACEHOLDER_AMOUNT',
    ]) {
      expect(codes).toContain(code);
    }
    expect(
      opps.some(
        (opp) => opp.coSell.origin === 'Hyperscaler-led' && opp.coSell.originatingCloud !== null,
      ),
    ).toBe(true);
    expect(opps.some((opp) => opp.coSell.commitDrawdown === 'Microsoft MACC')).toBe(true);
  });
});
