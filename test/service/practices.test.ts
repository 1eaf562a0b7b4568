// The practice routes over a real in-memory store: open feedback loops, maturity, account mapping
// (and the run date readiness item 7 reads), relationship coverage, the triage preview in any
// portal's format, and the decline-feedback check.
import { jest, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { dataPlatformDeal, opportunityId } from '../fixtures/opportunity.js';
import { call, pdmReferral, storeReferral, TestClock } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');

const AWS_INVITATION = {
  Catalog: 'AWS',
  Id: 'engi-0a1b2c3d4e5f6',
  PayloadType: 'OpportunityInvitation',
  EngagementTitle: 'Northwind lakehouse',
  Status: 'PENDING',
  InvitationDate: '2026-11-25T16:20:00Z',
  ExpirationDate: '2026-12-10T16:20:00Z',
  SenderCompanyName: 'Amazon Web Services',
  Payload: {
    OpportunityInvitation: {
      SenderContacts: [
        {
          Email: 'jordan.lee@amazon.com',
          FirstName: 'Jordan',
          LastName: 'Lee',
          BusinessTitle: 'Partner Development Manager',
        },
      ],
      ReceiverResponsibilities: ['Software Partner'],
      Customer: {
        CompanyName: 'Northwind Analytics',
        Industry: 'Software and Internet',
        WebsiteUrl: 'www.northwind-analytics.com',
        CountryCode: 'US',
      },
      Project: {
        Title: 'Lakehouse migration',
        BusinessProblem:
          'Nightly batch ETL on ageing on-prem Hadoop misses the 7am reporting window.',
      },
    },
  },
};

describe('practice routes', () => {
  useServiceOnStore({
    clock: new TestClock(NOW),
    readiness: {
      AWS: {
        cloud: 'AWS',
        tenancyArchetype: 'ISV-hosted SaaS',
        listing: { live: true },
        pdmCadence: 'weekly',
      },
    },
  });

  it('GET /feedback-loops lists an undecided, silent referral past its SLA and the referrer at risk after two silences', async () => {
    await storeReferral(store, pdmReferral(), NOW);
    await storeReferral(
      store,
      pdmReferral({
        portalId: 'partners/C01abc/opportunities/ctsq-7790',
        receivedAt: '2026-11-02T10:15:00.000Z',
        customerName: 'Fabrikam Retail',
      }),
      NOW,
    );
    await storeReferral(
      store,
      pdmReferral({
        portalId: 'partners/C01abc/opportunities/ctsq-7799',
        receivedAt: '2026-11-25T10:15:00.000Z',
        customerName: 'Tailspin Toys',
      }),
      NOW,
    );
    const response = await call(service, 'GET', '/api/v1/feedback-loops?debriefDays=5', {
      token: 'alliance-ops',
    });
    expect(response.status).toBe(200);
    expect(
      response.json.loops.map((loop: { customerName: string; kind: string }) => [
        loop.customerName,
        loop.kind,
      ]),
    ).toEqual([
      ['Fabrikam Retail', 'undecided past SLA'],
      ['Contoso Logistics', 'undecided past SLA'],
    ]);
    expect(response.json.referrers).toEqual([
      expect.objectContaining({
        cloud: 'Google',
        silences: 2,
        referrals: 3,
        risk: 'at risk',
        layer: 'Partner Program',
      }),
    ]);
    expect(
      (
        await call(service, 'GET', '/api/v1/feedback-loops?debriefDays=-1', {
          token: 'alliance-ops',
        })
      ).status,
    ).toBe(400);
    expect((await call(service, 'GET', '/api/v1/feedback-loops', { token: 'ae' })).status).toBe(
      403,
    );
  });

  it('GET /maturity reads the stage from the mirror and the recorded evidence, with every marker', async () => {
    await recordOpportunity(
      store.db,
      dataPlatformDeal({
        id: opportunityId(1),
        coSell: { clouds: ['AWS'] },
        engagements: [{ cloud: 'AWS', status: 'Submitted', submittedAt: '2026-10-01T09:00:00Z' }],
      }),
      NOW,
    );
    await store.db
      .insertInto('counterparts')
      .values({
        cloud: 'AWS',
        layer: 'Partner Program',
        name: 'Priya Raman',
        email: 'priya@amazon.com',
        data: JSON.stringify({}),
      } as never)
      .execute();
    const response = await call(service, 'GET', '/api/v1/maturity?cloud=AWS', { token: 'revops' });
    expect(response.status).toBe(200);
    expect(response.json.assessment).toMatchObject({
      level: 2,
      stage: 'Listed and sharing (month 3)',
      next: { typicalMonth: 'month 6' },
    });
    expect(response.json.metrics).toMatchObject({
      namedPdm: true,
      listingLive: true,
      pdmRhythm: true,
      portalSubmissions: 1,
      tenancyArchetype: 'ISV-hosted SaaS',
    });
    expect(response.json.assessment.evidence).toHaveLength(6);
  });

  it('POST /account-mapping matches, holds weak matches for review, and readiness item 7 then shows the run date', async () => {
    await recordOpportunity(
      store.db,
      dataPlatformDeal({
        id: opportunityId(2),
        account: {
          id: '001Hs00000Nwh01AAA',
          name: 'Northwind Health',
          website: 'northwind-health.com',
        },
        ownerName: 'Dana Whitfield',
      }),
      NOW,
    );
    const before = await call(service, 'GET', '/api/v1/readiness?cloud=AWS', {
      token: 'alliance-ops',
    });
    expect(
      before.json.checklists[0].items.find((item: { key: string }) => item.key === 'accountMapping')
        .status,
    ).not.toBe('met');
    const response = await call(service, 'POST', '/api/v1/account-mapping', {
      token: 'alliance-ops',
      body: {
        cloud: 'AWS',
        hyperscalerCsv:
          'Customer Company Name,Customer Website,AWS Account Manager\nNorthwind Health Inc.,https://www.northwind-health.com,Marcus Lee\nWoodgrove Bank,woodgrovebank.com,Priya Raman',
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.summary).toMatchObject({
      hyperscalerAccounts: 2,
      matched: 1,
      unmatched: 1,
      jointPursuits: 1,
    });
    expect(response.json.pursuits[0]).toMatchObject({
      accountId: '001Hs00000Nwh01AAA',
      hyperscalerOwner: 'Marcus Lee',
      isvOwner: 'Dana Whitfield',
    });
    const after = await call(service, 'GET', '/api/v1/readiness?cloud=AWS', {
      token: 'alliance-ops',
    });
    const item = after.json.checklists[0].items.find(
      (entry: { key: string }) => entry.key === 'accountMapping',
    );
    expect(item.status).toBe('met');
    expect(item.evidence.join(' ')).toMatch(/2026-11-26/);
  });

  it('POST /account-mapping refuses a list without a name column, naming the field, and records nothing', async () => {
    const response = await call(service, 'POST', '/api/v1/account-mapping', {
      token: 'alliance-ops',
      body: { cloud: 'AWS', hyperscalerCsv: 'Id,Revenue\n1,2' },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({
      field: 'body.hyperscalerCsv',
      code: 'INVALID_ACCOUNT_LIST',
    });
    const runs = await store.db.selectFrom('account_mapping_runs').selectAll().execute();
    expect(runs).toEqual([]);
  });

  it('POST /triage/preview triages an AWS invitation and a canonical referral, and explains an unreadable one', async () => {
    const aws = await call(service, 'POST', '/api/v1/triage/preview', {
      token: 'alliance-ops',
      body: { referral: AWS_INVITATION },
    });
    expect(aws.status).toBe(200);
    expect(aws.json).toMatchObject({
      format: 'aws',
      rules: 'shipped',
      referral: { cloud: 'AWS', sourceLayer: 'Partner Program' },
      decision: { priority: 'Standard' },
    });
    const accountTeam = await call(service, 'POST', '/api/v1/triage/preview', {
      token: 'alliance-ops',
      body: {
        referral: {
          ...pdmReferral({ sourceLayer: 'Account Team', tenancyArchetype: 'Customer-deployed' }),
        },
        format: 'canonical',
      },
    });
    expect(accountTeam.json.decision).toMatchObject({
      priority: 'Urgent',
      sourceLayer: 'Account Team',
    });
    const unknown = await call(service, 'POST', '/api/v1/triage/preview', {
      token: 'alliance-ops',
      body: { referral: { hello: 'world' } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.findings[0]).toMatchObject({ code: 'REFERRAL_FORMAT_UNKNOWN' });
    const badConfig = await call(service, 'POST', '/api/v1/triage/preview', {
      token: 'alliance-ops',
      body: { referral: AWS_INVITATION, config: { disable: ['no-such-rule'] } },
    });
    expect(badConfig.status).toBe(400);
    expect(badConfig.json.errors[0].field).toBe('body.config.disable.0');
  });

  it('POST /feedback/check refuses generic feedback through the core rule and requires the cloud', async () => {
    const generic = await call(service, 'POST', '/api/v1/feedback/check', {
      token: 'ae',
      body: { cloud: 'Google', text: 'Not the right fit at this time.' },
    });
    expect(generic.status).toBe(200);
    expect(generic.json.ok).toBe(false);
    expect(generic.json.findings.length).toBeGreaterThan(0);
    const missing = await call(service, 'POST', '/api/v1/feedback/check', {
      token: 'ae',
      body: { text: 'x' },
    });
    expect(missing.status).toBe(400);
  });

  it('POST /relationship-coverage reports coverage per cloud and names a bad record', async () => {
    await store.db
      .insertInto('counterparts')
      .values({
        cloud: 'AWS',
        layer: 'Partner Program',
        name: 'Priya Raman',
        email: 'priya@amazon.com',
        data: JSON.stringify({}),
      } as never)
      .execute();
    const response = await call(service, 'POST', '/api/v1/relationship-coverage', {
      token: 'revops',
      body: {
        qbrs: [{ cloud: 'AWS', heldOn: '2026-10-20' }],
        tenancyArchetype: 'Customer-deployed',
      },
    });
    expect(response.status).toBe(200);
    expect(response.json.clouds[0]).toMatchObject({
      cloud: 'AWS',
      covered: ['Partner Program'],
      qbr: { lastHeldOn: '2026-10-20', onRhythm: true },
    });
    const bad = await call(service, 'POST', '/api/v1/relationship-coverage', {
      token: 'revops',
      body: { qbrs: [{ cloud: 'AWS', heldOn: 'soon' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].field).toBe('body.qbrs.0.heldOn');
  });
});
