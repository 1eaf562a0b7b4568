// Record-level authorisation: a token acts for one Salesforce user and reaches only the records that
// user may read and edit; refusals are 403 problems that change nothing. Also the org-backed check
// (UserRecordAccess through jsforce against the local Salesforce server) and the token rules.
import { jest, afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { staticTokenRegistry } from '../../middleware/src/service/auth.js';
import { ApiTokens, loadConfig, ConfigError } from '../../middleware/src/service/config.js';
import {
  orgRecordAccess,
  userRecordAccessQuery,
  type UserRecordAccessRow,
} from '../../middleware/src/service/record-access.js';
import { northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../support/salesforce-server/fixture.js';
import { openSalesforceSession } from '../../middleware/src/salesforce/gateway/index.js';
import {
  call,
  KNOWN_QUEUES,
  pdmReferral,
  SECOND_AE_TOKEN,
  storeReferral,
  tableCounts,
  TestClock,
  USERS,
} from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');
const FEEDBACK =
  'Contoso Logistics needs the shipment telemetry kept in an EU-only region our BigQuery ingestion layer does not run in yet; ' +
  'we can take it once our Frankfurt deployment ships next quarter.';

describe('record-level authorisation', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });

  async function ownedReferral(
    ownerId: string | null,
    portalId: string,
    customerName = 'Contoso Logistics',
  ) {
    const id = await storeReferral(store, pdmReferral({ portalId, customerName }), NOW);
    if (ownerId) {
      const row = await store.db
        .selectFrom('referrals')
        .select('data')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await store.db
        .updateTable('referrals')
        .set({
          data: JSON.stringify({ ...(row.data as object), ownerId }),
          triage_status: 'Assigned',
        })
        .where('id', '=', id)
        .execute();
    }
    return id;
  }

  it("refuses a second AE's accept and decline of another AE's referral with 403, changing nothing", async () => {
    const id = await ownedReferral(USERS.ae, 'ctsq-1');
    const before = await tableCounts(store);
    const accept = await call(service, 'POST', `/api/v1/referrals/${id}/accept`, {
      token: SECOND_AE_TOKEN,
    });
    expect(accept.status).toBe(403);
    expect(accept.headers.get('content-type')).toContain('application/problem+json');
    expect(accept.json.detail).toContain(USERS.secondAe);
    expect(accept.json.detail).toMatch(/owner.*admin/);
    const decline = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
      token: SECOND_AE_TOKEN,
      body: { reason: 'Region or compliance not supported', feedback: FEEDBACK },
    });
    expect(decline.status).toBe(403);
    expect(await tableCounts(store)).toEqual(before);
    // The owner may.
    expect(
      (await call(service, 'POST', `/api/v1/referrals/${id}/accept`, { token: 'ae' })).status,
    ).toBe(202);
  });

  it('lets alliance ops work the whole inbox, and an AE only the referrals they own', async () => {
    const unassigned = await ownedReferral(null, 'ctsq-2');
    const owned = await ownedReferral(USERS.ae, 'ctsq-3');
    expect(
      (await call(service, 'POST', `/api/v1/referrals/${unassigned}/accept`, { token: 'ae' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(service, 'POST', `/api/v1/referrals/${unassigned}/accept`, {
          token: 'alliance-ops',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await call(service, 'POST', `/api/v1/referrals/${owned}/assign`, {
          token: 'alliance-ops',
          body: { ownerId: USERS.secondAe },
        })
      ).status,
    ).toBe(202);
    // Reassigned: the first AE has lost it, the second AE has it.
    expect(
      (await call(service, 'POST', `/api/v1/referrals/${owned}/accept`, { token: 'ae' })).status,
    ).toBe(403);
    expect(
      (await call(service, 'POST', `/api/v1/referrals/${owned}/accept`, { token: SECOND_AE_TOKEN }))
        .status,
    ).toBe(202);
  });

  it('shows an AE only the referrals they own, and alliance ops the whole inbox', async () => {
    const mine = await ownedReferral(USERS.ae, 'ctsq-4', 'Fabrikam Retail');
    const theirs = await ownedReferral(USERS.secondAe, 'ctsq-5', 'Tailspin Toys');
    const queue = await ownedReferral(null, 'ctsq-6', 'Adventure Works');
    const ids = async (token: string) =>
      (await call(service, 'GET', '/api/v1/referrals', { token })).json.referrals
        .map((r: { id: string }) => r.id)
        .sort();
    expect(await ids('ae')).toEqual([mine]);
    expect(await ids(SECOND_AE_TOKEN)).toEqual([theirs]);
    expect(await ids('alliance-ops')).toEqual([mine, theirs, queue].sort());
    const listed = await call(service, 'GET', '/api/v1/referrals', { token: 'ae' });
    expect(listed.text).not.toContain('Tailspin Toys');
  });

  it("refuses to submit another AE's opportunity (403) and lets its owner submit", async () => {
    const deal = { ...northwindDataPlatform(), ownerId: USERS.ae };
    await recordOpportunity(store.db, deal, NOW);
    const before = await tableCounts(store);
    const refused = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
      token: SECOND_AE_TOKEN,
      body: { cloud: 'Microsoft' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain(`may not edit opportunity ${deal.id}`);
    expect(await tableCounts(store)).toEqual(before);
    // Reading is what the Opportunity sharing model (Public Read Only) gives everyone.
    expect(
      (
        await call(service, 'GET', `/api/v1/opportunities/${deal.id}/engagements`, {
          token: SECOND_AE_TOKEN,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
          token: 'ae',
          body: { cloud: 'Microsoft' },
        })
      ).status,
    ).toBe(202);
  });

  it('refuses to assign to an Id that is no existing User or Queue, and assigns to a queue that exists', async () => {
    const id = await ownedReferral(null, 'ctsq-7');
    const before = await tableCounts(store);
    for (const ownerId of ['zzzzzzzzzzzzzzzzzz', '005Hs00000Nob0dyAA', '00GHs00000Nob0dyAA']) {
      const refused = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId },
      });
      expect(refused.status).toBe(422);
      expect(refused.json.errors).toEqual([
        expect.objectContaining({ field: 'body.ownerId', code: 'unknown_owner' }),
      ]);
    }
    expect(await tableCounts(store)).toEqual(before);
    expect(
      (
        await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
          token: 'alliance-ops',
          body: { ownerId: KNOWN_QUEUES[0] },
        })
      ).status,
    ).toBe(202);
  });
});

describe('the org decides with UserRecordAccess', () => {
  let fixture: SalesforceFixture;
  let connection: Connection;
  beforeAll(async () => {
    fixture = await startSalesforceFixture();
    connection = (await openSalesforceSession(fixture.config)).connection;
  }, 60_000);
  afterAll(async () => fixture?.stop());

  it('asks in batches of 200, caches the answers briefly, and refuses what the user may not touch', async () => {
    const org = fixture.server.org;
    // Users as the org knows them: a profile and the package's permission sets decide their access.
    const server = fixture.server;
    const owner = server.addUser({
      username: 'alex.morgan@acme.example',
      firstName: 'Alex',
      lastName: 'Morgan',
      profile: 'Standard User',
      permissionSets: ['CoSell_AE'],
    });
    const other = server.addUser({
      username: 'sam.rivera@acme.example',
      firstName: 'Sam',
      lastName: 'Rivera',
      profile: 'Standard User',
      permissionSets: ['CoSell_AE'],
    });
    const admin = server.addUser({
      username: 'ops.admin@acme.example',
      firstName: 'Ops',
      lastName: 'Admin',
      profile: 'System Administrator',
      permissionSets: [],
    });
    const account = org.seed('Account', { Name: 'Contoso' });
    const deals = Array.from({ length: 250 }, (_, index) =>
      org.seed('Opportunity', {
        Name: `Deal ${index}`,
        AccountId: account.Id,
        OwnerId: index % 2 === 0 ? owner.Id : other.Id,
      }),
    );
    const queries: string[] = [];
    let now = new Date('2026-11-26T09:00:00.000Z');
    const checker = orgRecordAccess({
      query: async (soql) => {
        queries.push(soql);
        return (await connection.query<UserRecordAccessRow>(soql)).records as UserRecordAccessRow[];
      },
      clock: () => now,
      ttlMs: 30_000,
    });
    const refs = deals.map((deal) => ({
      key: deal.Id,
      object: 'Opportunity' as const,
      salesforceId: deal.Id,
      ownerId: null,
    }));
    const principal = { subject: 'alex', persona: 'ae' as const, userId: owner.Id };
    const access = await checker.check(principal, refs);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toBe(
      userRecordAccessQuery(
        owner.Id,
        deals.slice(0, 200).map((deal) => deal.Id),
      ),
    );
    expect(access.get(deals[0]!.Id)).toEqual({ read: true, edit: true });
    // Another AE's deal: Opportunity is Private in the local org (roles and sharing rules are not modelled).
    expect(access.get(deals[1]!.Id)).toEqual({ read: false, edit: false });
    await checker.check(principal, refs.slice(0, 10));
    expect(queries).toHaveLength(2);
    now = new Date(now.getTime() + 31_000);
    await checker.check(principal, refs.slice(0, 10));
    expect(queries).toHaveLength(3);
    const asAdmin = await checker.check(
      { subject: 'ops', persona: 'alliance-ops', userId: admin.Id },
      refs.slice(1, 2),
    );
    expect(asAdmin.get(deals[1]!.Id)).toEqual({ read: true, edit: true });
  });
});

describe('API tokens', () => {
  const token = (n: number) => `t${n}-3f9c1d7a5b2e48c09d6f1a3b7c5e9d2f4a`;

  it('require a valid User Id for personas that act as a person, and unique names and tokens', () => {
    expect(() => ApiTokens.parse([{ token: token(1), persona: 'ae', name: 'alex' }])).toThrow(
      /userId is required/,
    );
    expect(() =>
      ApiTokens.parse([
        { token: token(1), persona: 'ae', name: 'alex', userId: '006Hs00000AEa01AAA' },
      ]),
    ).toThrow(/18-character Id of a Salesforce User/);
    expect(() =>
      ApiTokens.parse([
        { token: token(1), persona: 'ae', name: 'alex', userId: '005Hs00000AEa01' },
      ]),
    ).toThrow(/18-character/);
    expect(() =>
      ApiTokens.parse([
        { token: token(1), persona: 'ae', name: 'alex', userId: USERS.ae },
        { token: token(2), persona: 'ae', name: 'alex', userId: USERS.secondAe },
      ]),
    ).toThrow(/already used/);
    expect(
      ApiTokens.parse([
        { token: token(1), persona: 'admin', name: 'ops' },
        { token: token(2), persona: 'portal-webhook', name: 'relay' },
      ]),
    ).toHaveLength(2);
    let problems: string[] = [];
    try {
      loadConfig({
        COSELL_API_TOKENS: JSON.stringify([
          { token: token(1), persona: 'ae', name: 'a', userId: USERS.ae },
          { token: token(1), persona: 'ae', name: 'b', userId: USERS.secondAe },
        ]),
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      expect.stringContaining(
        'COSELL_API_TOKENS entry 2 ("b"): token: this token is already given to another entry',
      ),
    ]);
  });

  it('refuse a registry grant without its user, or two callers sharing a token', () => {
    expect(() =>
      staticTokenRegistry([{ token: token(1), persona: 'revops', subject: 'r' }]),
    ).toThrow(/needs the userId/);
    expect(() =>
      staticTokenRegistry([
        { token: token(1), persona: 'admin', subject: 'a' },
        { token: token(1), persona: 'admin', subject: 'b' },
      ]),
    ).toThrow(/also given to a/);
  });
});
