import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CLOUDS,
  COMMIT_DRAWDOWNS,
  CoSellOpportunity,
  HELP_NEEDS,
  MARKETPLACE_ROUTES,
  ORIGINS,
  TENANCY_ARCHETYPES,
} from '../../../middleware/src/core/model.js';
import {
  EXPORT_HEADER,
  readOpportunityExport,
  toExportRecord,
  writeOpportunityExport,
} from '../../../middleware/src/salesforce/exports/index.js';
import { dataPlatformDeal } from '../../fixtures/opportunity.js';

async function exportText(opps: CoSellOpportunity[], style?: 'Z' | '+0000'): Promise<string> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  await writeOpportunityExport(opps, sink, style ? { datetimeStyle: style } : {});
  return text;
}

async function readBack(text: string): Promise<CoSellOpportunity[]> {
  const opps: CoSellOpportunity[] = [];
  for await (const row of readOpportunityExport(text)) {
    if (row.kind === 'rejected')
      throw new Error(row.findings.map((finding) => finding.message).join('; '));
    opps.push(row.opportunity);
  }
  return opps;
}

const text = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength })
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
const instant = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const opportunityArbitrary = fc
  .record({
    id: fc.stringMatching(/^006[A-Za-z0-9]{15}$/),
    name: text(80),
    amount: fc.option(
      fc.integer({ min: 0, max: 50_000_000 }).map((cents) => cents / 100),
      { nil: null },
    ),
    currencyIsoCode: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
    stageName: fc.constantFrom('Prospecting', 'Qualification', 'Solution Proposed', 'Negotiation'),
    closeDate: instant.map((value) => value.slice(0, 10)),
    createdDate: instant,
    lastModifiedDate: instant,
    description: fc.option(text(300), { nil: null }),
    accountName: text(60),
    clouds: subset(CLOUDS),
    origin: fc.option(fc.constantFrom(...ORIGINS), { nil: null }),
    helpNeeded: subset(HELP_NEEDS),
    marketplaceRoute: fc.constantFrom(...MARKETPLACE_ROUTES),
    commitDrawdown: fc.constantFrom(...COMMIT_DRAWDOWNS),
    tenancyArchetype: fc.option(fc.constantFrom(...TENANCY_ARCHETYPES), { nil: null }),
  })
  .map(
    ({
      accountName,
      clouds,
      origin,
      helpNeeded,
      marketplaceRoute,
      commitDrawdown,
      tenancyArchetype,
      ...fields
    }) =>
      CoSellOpportunity.parse({
        ...fields,
        account: { name: accountName },
        coSell: { clouds, origin, helpNeeded, marketplaceRoute, commitDrawdown, tenancyArchetype },
      }),
  );

describe('writeOpportunityExport', () => {
  it('writes a header of API names and one record per opportunity', async () => {
    const written = await exportText([dataPlatformDeal()]);
    const [header, record] = written.trimEnd().split('\n');
    expect(header?.split(',')).toEqual(EXPORT_HEADER);
    expect(header).toMatch(/^Id,Name,Amount,CurrencyIsoCode,StageName/);
    expect(record).toContain(
      'Microsoft,Partner-led,,,Architecture validation;Customer introduction',
    );
  });

  it('writes the +0000 datetime form when asked, which reads back the same', async () => {
    const record = toExportRecord(dataPlatformDeal(), { datetimeStyle: '+0000' });
    expect(record).toContain('2026-09-02T14:20:00.000+0000');
    expect(await readBack(await exportText([dataPlatformDeal()], '+0000'))).toEqual([
      dataPlatformDeal(),
    ]);
  });

  it('round-trips any opportunity through write and read unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opportunityArbitrary, { maxLength: 8 }), async (opps) => {
        expect(await readBack(await exportText(opps))).toEqual(opps);
      }),
      { numRuns: 60 },
    );
  });
});
