// The ACE PortalClient over the real SDK against the emulator, inbound: new invitations and
// AWS-referred opportunities once per cursor with the sender layer, accepts and declines.
import { describe, expect, it } from '@jest/globals';
import { NOW } from '../mapping/opportunity-fixture.js';
import { emulator, setup, stopEmulatorAfterEach } from './client-fixtures.js';

stopEmulatorAfterEach();

describe('ACE client: inbound referrals and decisions', () => {
  it('reports new invitations and AWS-referred opportunities once per cursor, with the sender layer', async () => {
    const client = await setup();
    emulator.control.createInvitation({ layer: 'Partner Program' });
    emulator.control.advance(1_000);
    emulator.control.createInvitation({
      layer: 'Specialist',
      customer: {
        companyName: 'Fabrikam Logistics',
        websiteUrl: 'https://fabrikam-logistics.example.com',
        industry: 'Transportation and Logistics',
      },
    });
    const referral = emulator.control.createAwsReferral({
      Catalog: 'Sandbox',
      Customer: {
        Account: {
          CompanyName: 'Woodgrove Bank',
          Industry: 'Financial Services',
          WebsiteUrl: 'https://woodgrove-bank.example.com',
          Address: { CountryCode: 'GB' },
        },
      },
      Project: {
        Title: 'Woodgrove risk data platform',
        CustomerBusinessProblem:
          'Risk reports are rebuilt nightly from five ledgers and miss the regulatory cut-off twice a month.',
        ExpectedCustomerSpend: [
          { Amount: '25000', CurrencyCode: 'GBP', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
      LifeCycle: { Stage: 'Qualified', TargetCloseDate: '2027-02-26' },
    });
    const page = await client.listInbound(null, NOW);
    expect(page.referrals.map((r) => [r.referral.customerName, r.referral.sourceLayer])).toEqual([
      ['Fabrikam Logistics', 'Specialist'],
      ['Contoso Clinics', 'Partner Program'],
      ['Woodgrove Bank', 'Account Team'],
    ]);
    expect(page.referrals[2]!.referral).toMatchObject({
      portalId: referral.id,
      estimatedValue: { amount: 300000, currencyIsoCode: 'GBP' },
    });
    const again = await client.listInbound(page.cursor, NOW);
    expect(again.referrals).toEqual([]);
    emulator.control.advance(1_000);
    const late = emulator.control.createInvitation({ layer: 'Executive/Industry' });
    const next = await client.listInbound(again.cursor, NOW);
    expect(next.referrals.map((r) => r.referral.portalId)).toEqual([late.id]);
  });

  it('accepts once (a retried accept is harmless) and the accepted opportunity is not a second referral', async () => {
    const client = await setup();
    const invitation = emulator.control.createInvitation({ layer: 'Account Team' });
    const first = await client.listInbound(null, NOW);
    await client.decide({ portalId: invitation.id, decision: 'accept', now: NOW });
    await client.decide({ portalId: invitation.id, decision: 'accept', now: NOW });
    expect(emulator.counters.callsByOperation.StartEngagementByAcceptingInvitationTask).toBe(1);
    expect(emulator.control.opportunityCount('Sandbox')).toBe(1);
    const after = await client.listInbound(first.cursor, NOW);
    expect(after.referrals).toEqual([]);
  });

  it('declines with the reason and feedback trimmed to what ACE keeps', async () => {
    const client = await setup();
    const invitation = emulator.control.createInvitation({ layer: 'Regional/Segment' });
    await client.decide({
      portalId: invitation.id,
      decision: 'decline',
      declineReason: 'Outside our served regions',
      feedback:
        'We only deliver in North America and the UK; this customer needs on-site work in Brazil for at least six months.',
      now: NOW,
    });
    const page = await client.listInbound(null, NOW);
    expect(page.referrals[0]!.referral.triageStatus).toBe('Declined');
    const rejectedEvent = emulator.control
      .events()
      .find((e) => e['detail-type'] === 'Engagement Invitation Rejected');
    expect(rejectedEvent).toBeDefined();
  });
});
