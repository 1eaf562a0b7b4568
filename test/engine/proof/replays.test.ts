// Proof 3: an inbound event delivered five times yields one referral, on each portal and through the
// service's own event handler (engine/portal-events.ts): an ACE EventBridge invitation event
// (→ catch-up → invitation read → ACE inbound module → intake), a Partner Center webhook (→ referral
// read) and a Cloud Channel push (→ opportunity read); an ACE opportunity event queues one poll.
import { describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { EmulatorEvent } from '../../../middleware/src/sandbox/aws/emulator.js';
import type { PushDelivery } from '../../../middleware/src/sandbox/google/emulator.js';
import type { WebhookDelivery } from '../../../middleware/src/sandbox/microsoft/emulator.js';
import type { PortalName } from '../../../middleware/src/portals/portal.js';
import { pipelineOpportunity, RecordingSalesforce } from '../../support/proof-pipeline.js';
import { proofAceClient } from '../../support/proof-portals.js';
import { storeVariants } from '../../support/stores.js';
import {
  catchUps,
  drain,
  emulator,
  eventHandler,
  fiveTimes,
  google,
  microsoft,
  recorded,
  store,
  useProofStoreAndPortals,
} from './replay-fixtures.js';

describe.each(storeVariants())(
  'inbound replays, shared store and circuit recovery on $name',
  ({ options }) => {
    useProofStoreAndPortals(options);

    it('the same ACE invitation event delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: EmulatorEvent[] = [];
      const unsubscribe = emulator.control.subscribe((event) => void seen.push(event));
      const { id } = emulator.control.createInvitation({
        layer: 'Partner Program',
        customer: { companyName: 'Contoso Clinics', websiteUrl: 'https://contoso-clinics.example' },
        project: { title: 'Clinical data lakehouse', monthlySpendUsd: 38_000 },
      });
      unsubscribe();
      const created = seen.find(
        (event) => event['detail-type'] === 'Engagement Invitation Created',
      );
      expect(created).toBeDefined();
      const handle = eventHandler();
      // The event only names what changed: each delivery makes the ACE catch-up run (five of them, two at once).
      expect(await fiveTimes(() => handle('aws', created))).toEqual([
        'ignored',
        'ignored',
        'ignored',
        'ignored',
        'ignored',
      ]);
      expect(catchUps).toHaveLength(5);
      await Promise.all(catchUps);
      expect(await recorded('AWS')).toEqual({
        referrals: [{ portal_id: id, triage_status: 'New', source_layer: 'Partner Program' }],
        writebacks: 1,
      });
    });

    it('the same Partner Center webhook delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: WebhookDelivery[] = [];
      const unsubscribe = microsoft.control.subscribe((delivery) => void seen.push(delivery));
      const { id } = microsoft.control.createIncomingReferral({
        layer: 'Specialist',
        customer: { name: 'Contoso Pharmaceuticals GmbH' },
      });
      await microsoft.control.flushWebhooks();
      unsubscribe();
      const created = seen.find((delivery) => delivery.event.EventName === 'referral-created');
      expect(created).toBeDefined();
      const handle = eventHandler();
      expect(await fiveTimes(() => handle('microsoft', created!.event))).toEqual([
        'created',
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      expect(catchUps).toHaveLength(0);
      expect(await recorded('Microsoft')).toEqual({
        referrals: [{ portal_id: id, triage_status: 'New', source_layer: 'Specialist' }],
        writebacks: 1,
      });
    });

    it('the same Cloud Channel push delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: PushDelivery[] = [];
      const unsubscribe = google.control.subscribe((delivery) => void seen.push(delivery));
      const { name: opportunity } = google.control.createGoogleOpportunity({
        owner: { name: 'Sofia Lindgren', email: 'sofia.lindgren@google.com' },
      });
      await google.control.flushPushes();
      unsubscribe();
      const created = seen.find(
        (delivery) => delivery.event.opportunityEvent.eventType === 'CREATED',
      );
      expect(created).toBeDefined();
      const handle = eventHandler();
      expect(await fiveTimes(() => handle('google', created!.body))).toEqual([
        'created',
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      const held = await recorded('Google');
      expect(held.referrals.map((r) => r.portal_id)).toEqual([opportunity]);
      expect(held.writebacks).toBe(1);
    });

    it('an ACE opportunity event delivered five times queues one status poll', async () => {
      const client = proofAceClient(emulator.url);
      await recordOpportunity(store.db, pipelineOpportunity(7, 0, new Date()), new Date());
      const worker = new SyncWorker({
        db: store.db,
        clients: { AWS: client },
        salesforce: new RecordingSalesforce(),
        workerId: 'w-events',
      });
      await drain([worker]);
      const engagement = await store.db
        .selectFrom('engagements')
        .select('portal_id')
        .executeTakeFirstOrThrow();
      // Whatever the review reached by now, ACE announced the opportunity's changes as events.
      const announced = emulator.control
        .events()
        .find(
          (event) =>
            event['detail-type'].startsWith('Opportunity ') &&
            (event.detail as { opportunity?: { identifier?: string } }).opportunity?.identifier ===
              engagement.portal_id,
        );
      expect(announced).toBeDefined();
      const handle = eventHandler();
      const outcomes: string[] = [];
      for (let n = 0; n < 5; n++)
        outcomes.push((await handle('aws' satisfies PortalName, announced)).outcome);
      expect(outcomes).toEqual(['updated', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(catchUps).toHaveLength(0);
      expect(
        await store.db
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', JOB_KINDS.poll)
          .execute(),
      ).toHaveLength(1);
    });
  },
);
