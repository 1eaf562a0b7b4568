// Google opportunity contract tests: maximal payloads pass, every required field and closed enum is
// checked by a mutation derived from the schema, and the rules the schema cannot say fire at their path.
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../middleware/src/core/model.js';
import {
  GOOGLE_ENUMS_TO_COMPLETE,
  GOOGLE_OPERATIONS,
  GOOGLE_OPPORTUNITY_API,
  OpportunitySubscriberEvent,
  googleWireFormat,
} from '../../../middleware/src/portals/google/index.js';
import { deriveMutations } from '../microsoft/support/schema-mutations.js';
import {
  CREATED_EVENT,
  googleCreatedOpportunity,
  pushBody,
  submissionBody,
} from './support/fixtures.js';

type Body = Record<string, unknown>;
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const codes = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.code} ${f.path ?? ''}`.trim());

const MAXIMAL: Record<string, () => unknown> = {
  create: submissionBody,
  patch: () => ({
    updateMask: 'stage,salesCycle.closeDate',
    opportunity: {
      name: 'opportunities/8812734401',
      stage: 'STAGE_2',
      salesCycle: { closeDate: { year: 2027, month: 1, day: 29 } },
    },
  }),
  update: () => ({
    updateMask: 'opportunityInfo.description',
    opportunity: {
      name: 'opportunities/8812734401',
      opportunityInfo: { description: 'Scope grew to include Looker.' },
    },
  }),
  get: googleCreatedOpportunity,
  query: () => ({
    opportunities: [googleCreatedOpportunity()],
    nextPageToken: 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA',
  }),
  event: () => pushBody(CREATED_EVENT),
};

describe('Google wire format', () => {
  it('says it targets the alpha v1alpha1 API', () => {
    expect(GOOGLE_OPPORTUNITY_API).toEqual({
      service: 'cloudchannel.googleapis.com',
      version: 'v1alpha1',
      maturity: 'alpha',
      resource: 'opportunities',
    });
    expect(GOOGLE_ENUMS_TO_COMPLETE.state.confirmed).toEqual(['DRAFT', 'SUBMITTED', 'ACCEPTED']);
    expect(googleWireFormat.defaultOperation).toBe('create');
  });

  it('has a maximal payload for every operation', () => {
    expect(Object.keys(MAXIMAL).sort()).toEqual(Object.keys(GOOGLE_OPERATIONS).sort());
  });

  for (const [operation, make] of Object.entries(MAXIMAL)) {
    const { mutations, missingRequired } = deriveMutations(
      GOOGLE_OPERATIONS[operation]!.schema,
      make(),
    );
    describe(operation, () => {
      it('accepts the maximal payload without findings', () => {
        expect(googleWireFormat.validate(operation, make())).toEqual([]);
      });
      it('sets every required field the schema declares', () => {
        expect(missingRequired).toEqual([]);
      });
      it.each(mutations.map((m) => [`${m.kind} ${m.path}`, m] as const))(
        'refuses %s',
        (_label, mutation) => {
          expect(
            errors(googleWireFormat.validate(operation, mutation.apply(make()))),
          ).toContainEqual(
            expect.objectContaining({
              code: `GOOGLE_${mutation.expectedCode}`,
              path: mutation.path,
              cloud: 'Google',
            }),
          );
        },
      );
    });
  }

  describe('event payload inside the push', () => {
    const { mutations, missingRequired } = deriveMutations(
      OpportunitySubscriberEvent,
      CREATED_EVENT,
    );
    it('sets every required field of the subscriber event', () =>
      expect(missingRequired).toEqual([]));
    it.each(mutations.map((m) => [`${m.kind} ${m.path}`, m] as const))(
      'refuses %s at its path under message.data',
      (_label, mutation) => {
        const path = mutation.path.replace(/^\$/, '$.message.data');
        expect(
          errors(googleWireFormat.validate('event', pushBody(mutation.apply(CREATED_EVENT)))),
        ).toContainEqual(
          expect.objectContaining({ code: `GOOGLE_${mutation.expectedCode}`, path }),
        );
      },
    );
  });

  it('derives the customer identity, deal size and close date as required on create', () => {
    const removed = deriveMutations(GOOGLE_OPERATIONS.create!.schema, submissionBody())
      .mutations.filter((m) => m.kind === 'remove-required')
      .map((m) => m.path);
    expect(removed).toEqual(
      expect.arrayContaining([
        '$.opportunityInfo.displayName',
        '$.customerInfo.customerDetails.domain',
        '$.customerInfo.customerDetails.address.regionCode',
        '$.qualificationInfo.dealSize',
        '$.qualificationInfo.estimatedCloseDate',
      ]),
    );
  });

  const create = (edit: (body: Body) => void) => {
    const body = submissionBody();
    edit(body);
    return codes(googleWireFormat.validate('create', body));
  };
  const at = (body: Body, ...keys: string[]) =>
    keys.reduce<Body>((node, key) => node[key] as Body, body);

  it('lets a partner set only DRAFT or SUBMITTED, and no stage on create', () => {
    expect(create((b) => (b.state = 'ACCEPTED'))).toEqual([
      'error GOOGLE_WIRE_INVALID_VALUE $.state',
    ]);
    expect(create((b) => (b.stage = 'STAGE_1'))).toEqual(['error GOOGLE_STAGE_ON_CREATE $.stage']);
    expect(create((b) => (b.state = 'DRAFT'))).toEqual([]);
  });

  it('needs a description and a product family to submit, not for a draft', () => {
    const bare = (state: string) =>
      create((b) => {
        b.state = state;
        delete at(b, 'opportunityInfo').description;
        at(b, 'opportunityInfo').productFamily = [];
      });
    expect(bare('SUBMITTED')).toEqual([
      'error GOOGLE_SUBMIT_NEEDS_DESCRIPTION $.opportunityInfo.description',
      'error GOOGLE_SUBMIT_NEEDS_PRODUCT $.opportunityInfo.productFamily',
    ]);
    expect(bare('DRAFT')).toEqual([]);
  });

  it('checks Money, Date, domain, region code and E.164 phone', () => {
    expect(
      create(
        (b) =>
          (at(b, 'qualificationInfo').dealSize = { currencyCode: 'GBP', units: '10', nanos: -5 }),
      ),
    ).toEqual(['error GOOGLE_WIRE_RULE $.qualificationInfo.dealSize.nanos']);
    expect(
      create((b) => (at(b, 'qualificationInfo').dealSize = { currencyCode: 'GBP', units: '-10' })),
    ).toEqual(['error GOOGLE_NEGATIVE_DEAL_SIZE $.qualificationInfo.dealSize']);
    expect(
      create(
        (b) =>
          (at(b, 'qualificationInfo').dealSize = {
            currencyCode: 'GBP',
            units: '1',
            nanos: 1_000_000_000,
          }),
      ),
    ).toEqual(['error GOOGLE_WIRE_TOO_BIG $.qualificationInfo.dealSize.nanos']);
    expect(
      create(
        (b) => (at(b, 'qualificationInfo').estimatedCloseDate = { year: 2027, month: 2, day: 29 }),
      ),
    ).toEqual(['error GOOGLE_WIRE_RULE $.qualificationInfo.estimatedCloseDate']);
    expect(
      create(
        (b) =>
          (at(b, 'customerInfo', 'customerDetails').domain = 'https://www.northwindtraders.co.uk/'),
      ),
    ).toEqual(['error GOOGLE_WIRE_INVALID_FORMAT $.customerInfo.customerDetails.domain']);
    expect(
      create((b) => (at(b, 'customerInfo', 'customerDetails', 'address').regionCode = 'UK')),
    ).toEqual([
      'error GOOGLE_REGION_CODE_UNKNOWN $.customerInfo.customerDetails.address.regionCode',
    ]);
    expect(
      create((b) => (at(b, 'customerInfo', 'contact').phone = { e164Number: '020 7946 0123' })),
    ).toEqual(['error GOOGLE_WIRE_INVALID_FORMAT $.customerInfo.contact.phone.e164Number']);
    expect(create((b) => (at(b, 'customerInfo', 'contact').phone = {}))).toEqual([
      'error GOOGLE_WIRE_RULE $.customerInfo.contact.phone',
    ]);
  });

  it('passes unpublished enum values through but refuses ones not spelled as enum names', () => {
    expect(create((b) => (at(b, 'opportunityInfo').productFamily = ['WORKSPACE']))).toEqual([]);
    expect(create((b) => (at(b, 'opportunityInfo').productFamily = ['Google Cloud']))).toEqual([
      'error GOOGLE_WIRE_INVALID_FORMAT $.opportunityInfo.productFamily[0]',
    ]);
  });

  it('flags output-only fields, unknown top-level keys and mixed currencies', () => {
    expect(create((b) => (b.owner = 'Tom Becker'))).toEqual([
      'warning GOOGLE_OUTPUT_ONLY_FIELD $.owner',
    ]);
    expect(create((b) => (b.opportunityName = 'x'))).toEqual(['error GOOGLE_WIRE_UNKNOWN_FIELD $']);
    expect(
      create((b) => (at(b, 'opportunityLines', '0', 'listPrice').currencyCode = 'USD')),
    ).toEqual(['warning GOOGLE_CURRENCY_MISMATCH $.opportunityLines[0].listPrice.currencyCode']);
  });

  describe('patch with updateMask', () => {
    const patch = (updateMask: string, opportunity: Body) =>
      codes(
        googleWireFormat.validate('patch', {
          updateMask,
          opportunity: { name: 'opportunities/8812734401', ...opportunity },
        }),
      );

    it('never sets the stage to CLOSED, nor with a state change', () => {
      expect(patch('stage', { stage: 'CLOSED' })).toEqual([
        'error GOOGLE_STAGE_CLOSED $.opportunity.stage',
      ]);
      expect(patch('state,stage', { state: 'DRAFT', stage: 'STAGE_1' })).toEqual([
        'error GOOGLE_STAGE_BEFORE_ACCEPTANCE $.opportunity.stage',
      ]);
    });

    it('keeps the mask and the body in agreement', () => {
      expect(
        patch('stage', { stage: 'STAGE_1', opportunityInfo: { displayName: 'Renamed' } }),
      ).toEqual(['warning GOOGLE_FIELD_NOT_IN_MASK $.opportunity.opportunityInfo']);
      expect(patch('ownerEmail', {})).toEqual(['error GOOGLE_MASK_OUTPUT_ONLY $.updateMask']);
      expect(patch('closeDate', {})).toEqual(['error GOOGLE_MASK_UNKNOWN_FIELD $.updateMask']);
      expect(patch('salesCycle.closeDate', { salesCycle: {} })).toEqual([
        'warning GOOGLE_MASK_CLEARS_FIELD $.opportunity.salesCycle.closeDate',
      ]);
      expect(patch('stage;state', { stage: 'STAGE_1' })).toEqual([
        'error GOOGLE_WIRE_INVALID_FORMAT $.updateMask',
      ]);
    });

    it('checks a submission made through patch like one made on create', () => {
      expect(patch('state', { state: 'SUBMITTED' })).toEqual([
        'error GOOGLE_SUBMIT_NEEDS_DESCRIPTION $.opportunity.opportunityInfo.description',
        'error GOOGLE_SUBMIT_NEEDS_PRODUCT $.opportunity.opportunityInfo.productFamily',
      ]);
    });
  });

  it('reads an unpublished state as a warning, and checks each queried opportunity at its index', () => {
    const rejected = {
      ...googleCreatedOpportunity(),
      state: 'NOT_ACCEPTED',
      stateDescription: 'Customer already engaged with another partner',
    };
    expect(
      codes(
        googleWireFormat.validate('query', {
          opportunities: [googleCreatedOpportunity(), rejected],
        }),
      ),
    ).toEqual(['warning GOOGLE_UNCONFIRMED_STATE $.opportunities[1].state']);
    expect(
      codes(googleWireFormat.validate('get', { ...googleCreatedOpportunity(), state: 'APPROVED' })),
    ).toEqual([]);
  });

  it('checks the subscriber event inside a push body', () => {
    expect(
      codes(
        googleWireFormat.validate(
          'event',
          pushBody({
            opportunityEvent: { ...CREATED_EVENT.opportunityEvent, eventType: 'DELETED' },
          }),
        ),
      ),
    ).toEqual(['error GOOGLE_WIRE_INVALID_VALUE $.message.data.opportunityEvent.eventType']);
    const notJson = pushBody(CREATED_EVENT);
    (notJson.message as Body).data = Buffer.from('not json').toString('base64');
    expect(codes(googleWireFormat.validate('event', notJson))).toEqual([
      'error GOOGLE_PUSH_DATA_INVALID $.message.data',
    ]);
  });

  it('names the known operations when asked for one it does not have', () => {
    expect(() => googleWireFormat.validate('delete', {})).toThrow(
      /google has no operation "delete"; known operations: create, patch, update, get, query, event/,
    );
  });
});
