// Requests from the referral inbox: a PDM's data-platform referral lands in Salesforce owned by the
// queue its triage rule names; Accept, Decline and Assign reach the engine exactly once and are
// cleared, even when the clear is lost and the same request is read again.
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../../middleware/src/core/triage/index.js';
import { InboundReferral, type InboundReferralInput } from '../../../middleware/src/core/model.js';
import { recordInboundReferral } from '../../../middleware/src/engine/referral-intake.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import { truncateAll } from '../../support/stores.js';
import { seedCoSellOrg } from '../../support/salesforce-server/index.js';
import {
  startGatewayHarness,
  type GatewayHarness,
} from '../../support/salesforce-server/harness.js';

const triage = (referral: InboundReferral) =>
  triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);

const pdmReferral: InboundReferralInput = {
  cloud: 'AWS',
  portalId: 'O4417205',
  receivedAt: '2026-11-23T10:12:00.000Z',
  customerName: 'Wide World Importers',
  customerDomain: 'wideworldimporters.com',
  customerCountry: 'US',
  title: 'Wide World Importers - Snowflake to Redshift lakehouse consolidation',
  description:
    'Customer is consolidating three Snowflake accounts and an on-prem Teradata into a lakehouse; the AWS PDM wants a partner with a customer-deployed ingestion layer.',
  estimatedValue: { amount: 350000, currencyIsoCode: 'USD' },
  tenancyArchetype: 'Customer-deployed',
  sourceLayer: 'Specialist',
  referrer: {
    name: 'Dana Whitfield',
    email: 'danawhit@amazon.com',
    title: 'Partner Development Manager, Data & Analytics',
  },
};

describe('referral requests from the Salesforce inbox', () => {
  let harness: GatewayHarness;
  let referralId: string;
  let salesforceId: string;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
  });
  afterAll(async () => harness.stop());

  beforeEach(async () => {
    await truncateAll(harness.store.db);
    harness.fixture.server.org.table('CoSell_Referral__c').clear();
    const created = await recordInboundReferral(
      harness.store.db,
      { referral: pdmReferral, version: '2026-11-23T10:12:00Z' },
      triage,
      new Date('2026-11-23T10:13:00Z'),
    );
    if (created.outcome !== 'created') throw new Error('fixture referral was not created');
    referralId = created.referralId;
    const row = await harness.store.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    const referral = InboundReferral.parse({
      ...(row.data as object),
      triageStatus: row.triage_status,
    });
    salesforceId = (
      await harness.gateway.writeBack.writeReferral({
        ...referral,
        referralId,
        ownerQueue: created.decision!.ownerQueue,
      })
    ).salesforceId;
    await harness.store.db
      .updateTable('referrals')
      .set({ salesforce_id: salesforceId })
      .where('id', '=', referralId)
      .execute();
    harness.fixture.server.resetCounts();
  });

  function request(fields: Record<string, unknown>) {
    Object.assign(harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!, fields);
  }

  async function decideJobs() {
    return harness.store.db
      .selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('kind', '=', 'portal.decide')
      .execute();
  }

  it('writes the new referral with its computed triage fields and the rule queue as owner', () => {
    const record = harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!;
    expect(record).toMatchObject({
      Referral_Key__c: 'AWS:O4417205',
      Priority__c: 'Urgent',
      Source_Layer__c: 'Specialist',
      Triage_Status__c: 'New',
      OwnerId: harness.fixture.server.org.findByField(
        'Group',
        'DeveloperName',
        'CoSell_Alliance_Managers',
      )!.Id,
    });
    expect(typeof record.Response_Due__c).toBe('string');
    // Decline reason, feedback and the opportunity link are people's input: the service never writes them.
    expect(record).not.toHaveProperty('Feedback__c');
    expect(record).not.toHaveProperty('Decline_Reason__c');
  });

  it('hands an Accept to the engine once and clears the request', async () => {
    request({ Requested_Action__c: 'Accept' });
    const result = await harness.gateway.referralRequests.run();
    expect(result.outcomes).toEqual([
      expect.objectContaining({ salesforceId, outcome: 'decided' }),
    ]);
    expect(result.cleared).toBe(1);
    expect(
      harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!.Requested_Action__c,
    ).toBeNull();
    expect(await decideJobs()).toEqual([{ kind: 'portal.decide', payload: { referralId } }]);
    const stored = await harness.store.db
      .selectFrom('referrals')
      .select('triage_status')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stored.triage_status).toBe('Accepted');
    // Nothing pending: a second run reads an empty set and writes nothing.
    harness.fixture.server.resetCounts();
    expect((await harness.gateway.referralRequests.run()).outcomes).toEqual([]);
    expect(harness.fixture.server.calls.composite).toBe(0);
  });

  it('consumes a request exactly once when the clear is lost and the request is read again', async () => {
    request({ Requested_Action__c: 'Accept' });
    harness.fixture.server.inject({ error: 'SERVER_UNAVAILABLE', kind: 'composite', times: 1 });
    await expect(harness.gateway.referralRequests.run()).rejects.toThrow(/unavailable/i);
    expect(
      harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!.Requested_Action__c,
    ).toBe('Accept');
    const retry = await harness.gateway.referralRequests.run();
    expect(retry.outcomes).toEqual([expect.objectContaining({ outcome: 'already-done' })]);
    expect(retry.cleared).toBe(1);
    expect(await decideJobs()).toHaveLength(1);
  });

  it('declines with a specific reason and feedback', async () => {
    request({
      Requested_Action__c: 'Decline',
      Decline_Reason__c: 'Region or compliance not supported',
      Feedback__c:
        'Wide World Importers needs the ingestion layer in GovCloud for their customs data; we are not FedRAMP authorised there until Q3, please bring the lakehouse consolidation back to us then.',
    });
    const result = await harness.gateway.referralRequests.run();
    expect(result.outcomes).toEqual([expect.objectContaining({ outcome: 'decided' })]);
    const stored = await harness.store.db
      .selectFrom('referrals')
      .select(['triage_status', 'data'])
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stored.triage_status).toBe('Declined');
    expect(stored.data).toMatchObject({ declineReason: 'Region or compliance not supported' });
  });

  it('refuses a decline with generic feedback: no decision, audit says why, request cleared', async () => {
    request({
      Requested_Action__c: 'Decline',
      Decline_Reason__c: 'Below commercial threshold',
      Feedback__c: 'Not a fit right now, thanks.',
    });
    const result = await harness.gateway.referralRequests.run();
    expect(result.outcomes).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        findings: expect.arrayContaining([
          expect.objectContaining({ severity: 'error', field: 'Feedback__c' }),
        ]),
      }),
    ]);
    expect(await decideJobs()).toEqual([]);
    const audit = await harness.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'decline-refused')
      .execute();
    expect(audit).toHaveLength(1);
    expect(
      harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!.Requested_Action__c,
    ).toBeNull();
  });

  it('records an assignment to a person once', async () => {
    const alliance = harness.fixture.server.org.seed('User', {
      Name: 'Tomás Herrera',
      Email: 'tomas.herrera@northwind-analytics.com',
    });
    const writesBefore = await harness.store.db
      .selectFrom('outbox')
      .select('id')
      .where('kind', '=', 'salesforce.referral')
      .execute();
    request({ Requested_Action__c: 'Assign', OwnerId: alliance.Id });
    expect((await harness.gateway.referralRequests.run()).outcomes).toEqual([
      expect.objectContaining({ outcome: 'assigned' }),
    ]);
    request({ Requested_Action__c: 'Assign' });
    expect((await harness.gateway.referralRequests.run()).outcomes).toEqual([
      expect.objectContaining({ outcome: 'already-done' }),
    ]);
    const stored = await harness.store.db
      .selectFrom('referrals')
      .select(['triage_status', 'data'])
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stored.triage_status).toBe('Assigned');
    expect(stored.data).toMatchObject({ ownerId: alliance.Id });
    // One write-back is queued (the repeat adds none); written as the worker writes it, the record shows the outcome.
    const writes = await harness.store.db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('kind', '=', 'salesforce.referral')
      .execute();
    expect(
      writes
        .filter((job) => !writesBefore.some((before) => before.id === job.id))
        .map((job) => job.payload),
    ).toEqual([{ referralId }]);
    const referral = InboundReferral.parse({
      ...(stored.data as object),
      triageStatus: stored.triage_status,
    });
    await harness.gateway.writeBack.writeReferral({ ...referral, referralId, ownerQueue: null });
    expect(harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)).toMatchObject({
      Triage_Status__c: 'Assigned',
      OwnerId: alliance.Id,
    });
  });

  it('leaves an expired referral with its owner: the request is cleared, nothing recorded or written back', async () => {
    const alliance = harness.fixture.server.org.seed('User', {
      Name: 'Ines Moreau',
      Email: 'ines.moreau@northwind-analytics.com',
    });
    await harness.store.db
      .updateTable('referrals')
      .set({ triage_status: 'Expired' })
      .where('id', '=', referralId)
      .execute();
    const jobsBefore = await harness.store.db.selectFrom('outbox').select('id').execute();
    request({ Requested_Action__c: 'Assign', OwnerId: alliance.Id });
    expect((await harness.gateway.referralRequests.run()).outcomes).toEqual([
      expect.objectContaining({ outcome: 'already-done' }),
    ]);
    const stored = await harness.store.db
      .selectFrom('referrals')
      .select(['triage_status', 'data'])
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(stored.triage_status).toBe('Expired');
    expect((stored.data as { ownerId?: string }).ownerId).not.toBe(alliance.Id);
    expect(await harness.store.db.selectFrom('outbox').select('id').execute()).toEqual(jobsBefore);
    expect(
      harness.fixture.server.org.get('CoSell_Referral__c', salesforceId)!.Requested_Action__c,
    ).toBeNull();
  });

  it('matches a request by cloud and portal id before the Salesforce Id is stored', async () => {
    await harness.store.db
      .updateTable('referrals')
      .set({ salesforce_id: null })
      .where('id', '=', referralId)
      .execute();
    request({ Requested_Action__c: 'Accept' });
    expect((await harness.gateway.referralRequests.run()).outcomes).toEqual([
      expect.objectContaining({ outcome: 'decided' }),
    ]);
  });

  it('writes the owner queue and priority triage chose at intake, even after the org changes its rules', async () => {
    const atIntake = await harness.gateway.triageRules.load();
    const later = { ...pdmReferral, portalId: 'O4417206' };
    const created = await recordInboundReferral(
      harness.store.db,
      { referral: later, version: '1' },
      (referral) => triageReferral(referral, atIntake.rules, atIntake.calendar),
      new Date('2026-11-23T10:13:00Z'),
    );
    if (created.outcome !== 'created') throw new Error('fixture referral was not created');
    expect(created.decision).toMatchObject({
      ownerQueue: 'CoSell_Alliance_Managers',
      priority: 'Urgent',
    });
    // An admin reroutes this case before the write-back runs; the gateway picks the change up.
    const rerouted = harness.fixture.server.org.seed('CoSell_Triage_Rule__mdt', {
      DeveloperName: 'Specialist_Customer_Deployed',
      Source_Layer__c: 'Specialist',
      Tenancy_Archetype__c: 'Customer-deployed',
      Priority__c: 'High',
      Response_Unit__c: 'Business hours',
      Response_Amount__c: 8,
      Minimum_Business_Hours__c: null,
      Acknowledge_Within_Hours__c: null,
      Responder__c: 'Alliance ops queue',
      Owner_Queue__c: 'CoSell_Alliance_Ops',
      Sort_Order__c: 10,
    });
    try {
      await harness.gateway.triageRules.load();
      const worker = new SyncWorker({
        db: harness.store.db,
        clients: {},
        salesforce: harness.gateway.writeBack,
        clock: () => new Date('2026-11-23T10:14:00Z'),
      });
      for (let round = 0; round < 5 && (await worker.runOnce()) > 0; round++);
      const record = harness.fixture.server.org.findByField(
        'CoSell_Referral__c',
        'Referral_Key__c',
        'AWS:O4417206',
      )!;
      expect(record).toMatchObject({
        Priority__c: 'Urgent',
        OwnerId: harness.fixture.server.org.findByField(
          'Group',
          'DeveloperName',
          'CoSell_Alliance_Managers',
        )!.Id,
      });
    } finally {
      harness.fixture.server.org.table('CoSell_Triage_Rule__mdt').delete(rerouted.Id);
      await harness.gateway.triageRules.load();
    }
  });
});
