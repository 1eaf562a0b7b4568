// Every published Partner Center sample, accepted or rejected by the operation it documents. Three
// samples are not valid JSON as published; each is repaired by the one named edit its defect needs,
// and the test proves the raw text fails to parse and the repaired text is the referral it shows.
import { describe, expect, it } from '@jest/globals';
import { microsoftWireFormat } from '../../../middleware/src/portals/microsoft/index.js';
import type { Finding } from '../../../middleware/src/core/model.js';
import { readSample } from './support/fixtures.js';

interface Repair {
  defect: string;
  pattern: RegExp;
  replacement: string;
}

/** Applies each repair exactly once; a repair that no longer matches means the sample changed. */
function repaired(file: string, repairs: readonly Repair[]): unknown {
  const raw = readSample(file);
  expect(() => JSON.parse(raw)).toThrow(SyntaxError);
  const fixed = repairs.reduce((text, repair) => {
    const matches = text.match(new RegExp(repair.pattern.source, 'g')) ?? [];
    expect({ defect: repair.defect, matches: matches.length }).toEqual({
      defect: repair.defect,
      matches: 1,
    });
    return text.replace(repair.pattern, repair.replacement);
  }, raw);
  return JSON.parse(fixed);
}

const parsed = (file: string): unknown => JSON.parse(readSample(file));
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const codes = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.path ?? ''}`.trim());

describe('Microsoft published samples', () => {
  it('create-a-referral.request: a valid create body; only the missing Opportunity link is flagged', () => {
    const findings = microsoftWireFormat.validate(
      'create',
      parsed('create-a-referral.request.json'),
    );
    expect(codes(findings)).toEqual(['MICROSOFT_EXTERNAL_REFERENCE_MISSING $.externalReferenceId']);
    expect(findings[0]?.severity).toBe('warning');
  });

  it('create-a-referral.response: a referral as read back (Active/Accepted, since we created it)', () => {
    expect(microsoftWireFormat.validate('get', parsed('create-a-referral.response.json'))).toEqual(
      [],
    );
  });

  it('create-a-referral.response is not a create body: server-maintained fields are named', () => {
    const findings = microsoftWireFormat.validate(
      'create',
      parsed('create-a-referral.response.json'),
    );
    expect(codes(findings)).toEqual(
      expect.arrayContaining([
        'MICROSOFT_SERVER_MAINTAINED_FIELD $.id',
        'MICROSOFT_SERVER_MAINTAINED_FIELD $.eTag',
        'MICROSOFT_SERVER_MAINTAINED_FIELD $.links',
      ]),
    );
  });

  it('update-a-referral.request (trailing comma as published) is a valid PUT closing the referral as Won', () => {
    const body = repaired('update-a-referral.request.json', [
      {
        defect: 'trailing comma after the last member',
        pattern: /,(\s*)\}\s*$/,
        replacement: '$1}',
      },
    ]);
    expect(errors(microsoftWireFormat.validate('update', body))).toEqual([]);
    expect(body).toMatchObject({ status: 'Closed', substatus: 'Won' });
  });

  it('update-a-referral.response is a read-back; sent back as a PUT it is refused for carrying links', () => {
    const body = parsed('update-a-referral.response.json');
    expect(microsoftWireFormat.validate('get', body)).toEqual([]);
    expect(codes(errors(microsoftWireFormat.validate('update', body)))).toEqual([
      'MICROSOFT_LINKS_IN_FULL_UPDATE $.links',
    ]);
  });

  it('get-a-list-of-referrals (2019, missing comma and trailing comma as published) is a list page whose `ids: {}` reads as none', () => {
    const page = repaired('get-a-list-of-referrals.response.json', [
      {
        defect: 'missing comma between details and links',
        pattern: /\}(\s*)"links"/,
        replacement: '},$1"links"',
      },
      {
        defect: 'trailing comma after the first item links',
        pattern: /\},(\s*)\},(\s*)\{/,
        replacement: '}$1},$2{',
      },
    ]);
    expect(microsoftWireFormat.validate('list', page)).toEqual([]);
    expect((page as { value: unknown[] }).value).toHaveLength(2);
  });

  it('get-a-list-of-referrals (2020) is a list page with direction and an OData nextLink', () => {
    const page = parsed('get-a-list-of-referrals.v2020.response.json');
    expect(microsoftWireFormat.validate('list', page)).toEqual([]);
    expect(page).toHaveProperty(['@odata.nextLink']);
  });

  it('get-a-referral-by-id (missing comma before region as published) is a referral with a DUNS id', () => {
    const referral = repaired('get-a-referral-by-id.response.json', [
      {
        defect: 'missing comma between country and region',
        pattern: /"US"(\s*)"region"/,
        replacement: '"US",$1"region"',
      },
    ]);
    expect(microsoftWireFormat.validate('get', referral)).toEqual([]);
  });

  it('patch-a-referral: add and replace are accepted; the deal value sent as a string is flagged, not refused', () => {
    const findings = microsoftWireFormat.validate('patch', parsed('patch-a-referral.request.json'));
    expect(errors(findings)).toEqual([]);
    expect(codes(findings)).toEqual(['MICROSOFT_PATCH_VALUE_AS_STRING $[0].value']);
  });

  it('the documented win as a patch (status and substatus replaced together) is accepted', () => {
    const win = [
      { op: 'replace', path: '/status', value: 'Closed' },
      { op: 'replace', path: '/substatus', value: 'Won' },
    ];
    expect(microsoftWireFormat.validate('patch', win)).toEqual([]);
  });

  it('error-codes: the error body, codes nested in innerError', () => {
    expect(microsoftWireFormat.validate('error', parsed('error-codes.error.json'))).toEqual([]);
  });

  it('webhook events are templates: the {{ReferralID}} placeholder is refused, a real id is accepted', () => {
    const events = parsed('webhook-events.referral.examples.json') as Array<Record<string, string>>;
    expect(events.map((event) => event.EventName)).toEqual([
      'referral-created',
      'referral-updated',
      'related-referral-created',
      'related-referral-updated',
    ]);
    for (const event of events) {
      expect(codes(errors(microsoftWireFormat.validate('webhook-event', event)))).toContain(
        'MICROSOFT_WEBHOOK_REFERRAL_ID $.ResourceUri',
      );
      const real = {
        ...event,
        ResourceUri: event.ResourceUri?.replace(
          '{{ReferralID}}',
          '0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70',
        ),
      };
      expect(microsoftWireFormat.validate('webhook-event', real)).toEqual([]);
    }
  });

  it('webhook registration is a template: the <<FlowUrl>> placeholder is refused, an https callback is accepted', () => {
    const registration = parsed('webhook-registration.referrals.request.json') as Record<
      string,
      unknown
    >;
    expect(codes(microsoftWireFormat.validate('webhook-registration', registration))).toEqual([
      'MICROSOFT_WIRE_INVALID_FORMAT $.WebhookUrl',
    ]);
    const real = {
      ...registration,
      WebhookUrl: 'https://cosell.lakehouselabs.io/hooks/microsoft/referrals',
    };
    expect(microsoftWireFormat.validate('webhook-registration', real)).toEqual([]);
  });

  it('names the known operations when asked for one it does not have', () => {
    expect(() => microsoftWireFormat.validate('delete', {})).toThrow(
      /microsoft has no operation "delete"; known operations: create, update, patch/,
    );
    expect(microsoftWireFormat.defaultOperation).toBe('create');
  });
});
