// The ACE emulator driven by the unmodified AWS SDK, AWS referrals: engagement invitations from every
// field layer, accepted (creating the AWS referral opportunity), rejected, expired or unknown.
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  GetAwsOpportunitySummaryCommand,
  GetEngagementInvitationCommand,
  GetOpportunityCommand,
  ListEngagementInvitationsCommand,
  RejectEngagementInvitationCommand,
  StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { inferSourceLayer } from '../../../middleware/src/core/triage/source-layer.js';
import { SENDER_TITLE_BY_LAYER } from '../../../middleware/src/sandbox/aws/emulator.js';
import { caught, client, emulator, start, stopEmulatorAfterEach } from './emulator-fixtures.js';

stopEmulatorAfterEach();

describe('ACE emulator: AWS referrals as engagement invitations', () => {
  beforeEach(() => start());

  it('sends invitations from every field layer with titles the layer inference recognises', () => {
    for (const [layer, sender] of Object.entries(SENDER_TITLE_BY_LAYER)) {
      expect({ layer, inferred: inferSourceLayer({ title: sender.title }).layer }).toEqual({
        layer,
        inferred: layer,
      });
    }
  });

  it('lists, reads, accepts (creating the AWS referral opportunity) and rejects invitations', async () => {
    const pdm = emulator.control.createInvitation({ layer: 'Partner Program' });
    emulator.control.advance(60_000);
    const seller = emulator.control.createInvitation({
      layer: 'Account Team',
      customer: {
        companyName: 'Fabrikam Logistics',
        websiteUrl: 'https://fabrikam-logistics.example.com',
        industry: 'Transportation and Logistics',
      },
    });
    const list = await client.send(
      new ListEngagementInvitationsCommand({
        Catalog: 'Sandbox',
        ParticipantType: 'RECEIVER',
        Status: ['PENDING'],
      }),
    );
    expect(list.EngagementInvitationSummaries!.map((s) => s.Id)).toEqual([seller.id, pdm.id]);
    const detail = await client.send(
      new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: pdm.id }),
    );
    expect(detail.Payload?.OpportunityInvitation?.SenderContacts?.[0]?.BusinessTitle).toBe(
      'Partner Development Manager',
    );
    expect(detail.ExpirationDate!.getTime() - detail.InvitationDate!.getTime()).toBe(
      15 * 24 * 3600 * 1000,
    );

    const task = await client.send(
      new StartEngagementByAcceptingInvitationTaskCommand({
        Catalog: 'Sandbox',
        Identifier: pdm.id,
        ClientToken: 'accept-1',
      }),
    );
    const replay = await client.send(
      new StartEngagementByAcceptingInvitationTaskCommand({
        Catalog: 'Sandbox',
        Identifier: pdm.id,
        ClientToken: 'accept-1',
      }),
    );
    expect(replay.OpportunityId).toBe(task.OpportunityId);
    const opportunity = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: task.OpportunityId! }),
    );
    expect(opportunity.Customer?.Account?.CompanyName).toBe('Contoso Clinics');
    expect(
      (
        await client.send(
          new GetAwsOpportunitySummaryCommand({
            Catalog: 'Sandbox',
            RelatedOpportunityIdentifier: task.OpportunityId!,
          }),
        )
      ).Origin,
    ).toBe('AWS Referral');

    await client.send(
      new RejectEngagementInvitationCommand({
        Catalog: 'Sandbox',
        Identifier: seller.id,
        RejectionReason: 'Customer is outside our served regions',
      }),
    );
    const rejected = await client.send(
      new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: seller.id }),
    );
    expect(rejected.Status).toBe('REJECTED');
    expect(rejected.RejectionReason).toBe('Customer is outside our served regions');
    const twice = await caught(
      client.send(
        new StartEngagementByAcceptingInvitationTaskCommand({
          Catalog: 'Sandbox',
          Identifier: seller.id,
          ClientToken: 'accept-2',
        }),
      ),
    );
    expect(twice.name).toBe('ValidationException');
    expect(emulator.control.events().map((e) => e['detail-type'])).toEqual([
      'Engagement Invitation Created',
      'Engagement Invitation Created',
      'Opportunity Created',
      'Engagement Invitation Accepted',
      'Engagement Invitation Rejected',
    ]);
  });

  it('expires an invitation nobody answered after 15 days', async () => {
    const { id } = emulator.control.createInvitation();
    emulator.control.advance(15 * 24 * 3600 * 1000);
    expect(
      (
        await client.send(
          new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: id }),
        )
      ).Status,
    ).toBe('EXPIRED');
    expect(emulator.control.events().at(-1)!['detail-type']).toBe('Engagement Invitation Expired');
  });

  it('answers ResourceNotFoundException for an unknown invitation', async () => {
    expect(
      (
        await caught(
          client.send(
            new GetEngagementInvitationCommand({
              Catalog: 'Sandbox',
              Identifier: 'engi-0000000000000',
            }),
          ),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
  });
});
