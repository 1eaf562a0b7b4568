import { describe, expect, it } from '@jest/globals';
import { countryResolver } from '../../../middleware/src/portals/mapping/countries.js';
import {
  parsePath,
  pathReader,
  pathWriter,
  writePath,
} from '../../../middleware/src/portals/mapping/paths.js';
import {
  TRANSFORM_IMPLEMENTATIONS,
  type TransformContext,
} from '../../../middleware/src/portals/mapping/transforms.js';

const context: TransformContext = { passThrough: false, country: countryResolver({}) };
const toPortal = (name: keyof typeof TRANSFORM_IMPLEMENTATIONS, value: unknown) =>
  TRANSFORM_IMPLEMENTATIONS[name].toPortal(value, context);

describe('mapping transforms', () => {
  it('writes ACE decimal amounts with at most two decimals and refuses negative ones', () => {
    expect(toPortal('decimalString', 40000)).toEqual({ ok: true, value: '40000' });
    expect(toPortal('decimalString', 2083.3333)).toEqual({ ok: true, value: '2083.33' });
    expect(toPortal('decimalString', 1234.5)).toEqual({ ok: true, value: '1234.5' });
    expect(toPortal('decimalString', 0.07)).toEqual({ ok: true, value: '0.07' });
    expect(toPortal('decimalString', -5)).toEqual({ ok: false, why: 'negative' });
  });

  it('splits Google Money into units and nanos without float drift, and reads it back', () => {
    expect(toPortal('googleMoney', 1234.56)).toEqual({
      ok: true,
      value: { units: '1234', nanos: 560000000 },
    });
    expect(
      TRANSFORM_IMPLEMENTATIONS.googleMoney.fromPortal(
        { units: '1234', nanos: 560000000 },
        context,
      ),
    ).toBe(1234.56);
    expect(TRANSFORM_IMPLEMENTATIONS.googleMoney.fromPortal({ units: '7' }, context)).toBe(7);
  });

  it('normalises phones to E.164 and refuses numbers without a country code', () => {
    expect(toPortal('phone', '+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
    expect(toPortal('phone', '0049 (89) 1234-5678')).toEqual({ ok: true, value: '+498912345678' });
    expect(toPortal('phone', '(206) 555-0142')).toEqual({ ok: false, why: 'invalid' });
  });

  it('reduces a website to the bare customer domain', () => {
    expect(toPortal('domain', 'HTTPS://www.Contoso-Pharma.example/de/about?x=1')).toEqual({
      ok: true,
      value: 'contoso-pharma.example',
    });
    expect(toPortal('domain', 'contoso.example:8443')).toEqual({
      ok: true,
      value: 'contoso.example',
    });
    expect(toPortal('domain', 'intranet')).toEqual({ ok: false, why: 'invalid' });
  });

  it('turns dates into UTC midnight and Google Date, refusing non-dates', () => {
    expect(toPortal('utcDateTime', '2027-03-31')).toEqual({
      ok: true,
      value: '2027-03-31T00:00:00Z',
    });
    expect(toPortal('googleDate', '2027-03-31')).toEqual({
      ok: true,
      value: { year: 2027, month: 3, day: 31 },
    });
    expect(toPortal('isoDate', '31/03/2027')).toEqual({ ok: false, why: 'invalid' });
  });

  it('prefers configured country aliases over English names', () => {
    const resolve = countryResolver({ Holland: 'NL', Georgia: 'GE' });
    expect(resolve('holland')).toBe('NL');
    expect(resolve('  Netherlands ')).toBe('NL');
    expect(resolve('Türkiye')).toBe('TR');
    expect(resolve('EU')).toBeUndefined();
    expect(resolve('Middle Earth')).toBeUndefined();
  });
});

describe('mapping paths', () => {
  it('parses names and indexes, and refuses malformed paths', () => {
    expect(parsePath('Project.ExpectedCustomerSpend[0].Amount')).toEqual([
      'Project',
      'ExpectedCustomerSpend',
      0,
      'Amount',
    ]);
    expect(() => parsePath('Project..Title')).toThrow(/not a valid path/);
    expect(() => parsePath('Contacts[x]')).toThrow(/not a valid path/);
  });

  it('creates arrays for indexes and merges objects written at the same place', () => {
    const payload: Record<string, unknown> = {};
    writePath(payload, parsePath('qualificationInfo.dealSize.currencyCode'), 'EUR');
    writePath(payload, parsePath('qualificationInfo.dealSize'), { units: '10', nanos: 0 });
    writePath(payload, parsePath('Project.DeliveryModels[0]'), 'SaaS or PaaS');
    expect(payload).toEqual({
      qualificationInfo: { dealSize: { currencyCode: 'EUR', units: '10', nanos: 0 } },
      Project: { DeliveryModels: ['SaaS or PaaS'] },
    });
  });

  it('writes through a precompiled writer exactly as writePath does', () => {
    const paths = [
      'Catalog',
      'Project.DeliveryModels[0]',
      'qualificationInfo.dealSize.currencyCode',
      'qualificationInfo.dealSize',
      'customerInfo.contact.phone.e164Number',
    ];
    const values = ['AWS', 'SaaS or PaaS', 'EUR', { units: '10', nanos: 0 }, '+442079460958'];
    const walked: Record<string, unknown> = {};
    const compiled: Record<string, unknown> = {};
    paths.forEach((path, index) => {
      writePath(walked, parsePath(path), values[index]);
      pathWriter(parsePath(path))(compiled, values[index]);
    });
    expect(compiled).toEqual(walked);
    expect(compiled).toMatchObject({
      Project: { DeliveryModels: ['SaaS or PaaS'] },
      qualificationInfo: { dealSize: { currencyCode: 'EUR', units: '10' } },
    });
  });

  it('reads deep paths and stops at missing or non-object steps', () => {
    const read = pathReader(parsePath('a.b.c.d'));
    expect(read({ a: { b: { c: { d: 4 } } } })).toBe(4);
    expect(read({ a: { b: 'text' } })).toBeUndefined();
    expect(pathReader(parsePath('a.b'))(null)).toBeUndefined();
  });
});
