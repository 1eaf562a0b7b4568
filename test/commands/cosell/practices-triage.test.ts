// The triage practice rule from the CLI: triage preview of referrals against the default or given
// rules, held to its published --json schema.
import { describe, expect, it } from '@jest/globals';
import TriagePreview, {
  type TriagePreviewResult,
} from '../../../middleware/src/commands/cosell/triage/preview.js';
import { runCommand } from '../../support/cli.js';
import { failure, scratchFolder, useCommandSandbox } from './support/command-context.js';
import { schemaIssues } from './support/json-schema.js';

const { file } = scratchFolder('cosell-practices-');

describe('practice commands', () => {
  useCommandSandbox();

  describe('cosell triage preview', () => {
    const invitation = {
      Catalog: 'AWS',
      Id: 'engi-0a1b2c3d4e5f6',
      PayloadType: 'OpportunityInvitation',
      Status: 'PENDING',
      InvitationDate: '2026-11-25T16:20:00Z',
      ExpirationDate: '2026-12-10T16:20:00Z',
      Payload: {
        OpportunityInvitation: {
          SenderContacts: [
            {
              Email: 'marcus.lee@amazon.com',
              FirstName: 'Marcus',
              LastName: 'Lee',
              BusinessTitle: 'Account Manager',
            },
          ],
          ReceiverResponsibilities: ['Software Partner'],
          Customer: { CompanyName: 'Northwind Analytics', CountryCode: 'US' },
          Project: { Title: 'Lakehouse migration' },
        },
      },
    };

    it('reads an AWS invitation, triages it under the shipped rules and shows why', async () => {
      const result = (await runCommand(TriagePreview, [
        '--referral',
        file('invitation.json', invitation),
        '--json',
      ])) as TriagePreviewResult;
      expect(schemaIssues('cosell triage preview', result)).toEqual([]);
      expect(result).toMatchObject({
        format: 'aws',
        rules: 'shipped',
        referral: { sourceLayer: 'Account Team' },
        decision: { sourceLayer: 'Account Team' },
      });
      expect(['Urgent', 'High']).toContain(result.decision.priority);
    });

    it('applies a configuration to try, and refuses an unreadable referral or a bad configuration', async () => {
      const canonical = file('canonical.json', {
        cloud: 'AWS',
        portalId: 'ref-1',
        receivedAt: '2026-11-25T10:00:00Z',
        customerName: 'Contoso',
        sourceLayer: 'Partner Program',
      });
      // Override the shipped PDM rule: this quarter PDM referrals are answered next business day.
      const config = file('triage-config.json', {
        rules: [
          {
            id: 'Partner_Program',
            sourceLayer: 'Partner Program',
            tenancyArchetype: 'any',
            priority: 'High',
            response: { unit: 'business-days', amount: 1 },
            responder: 'Alliance manager',
            ownerQueue: 'CoSell_Alliance_Ops',
            rationale: 'PDM referrals answered next day this quarter',
          },
        ],
      });
      const shipped = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--json',
      ])) as TriagePreviewResult;
      expect(shipped.decision).toMatchObject({ priority: 'Standard', ruleId: 'Partner_Program' });
      const tried = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--config',
        config,
        '--json',
      ])) as TriagePreviewResult;
      expect(tried).toMatchObject({
        rules: 'given',
        decision: { priority: 'High', ruleId: 'Partner_Program', responder: 'Alliance manager' },
      });
      expect(
        (
          await failure(
            runCommand(TriagePreview, ['--referral', file('junk.json', { hello: 'world' })]),
          )
        ).message,
      ).toMatch(/could not be read as any known format/);
      expect(
        (
          await failure(
            runCommand(TriagePreview, [
              '--referral',
              canonical,
              '--config',
              file('bad-config.json', { disable: ['nope'] }),
            ]),
          )
        ).message,
      ).toMatch(/disable.0: no default rule nope/);
    });
  });
});
