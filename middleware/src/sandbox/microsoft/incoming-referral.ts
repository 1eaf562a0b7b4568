// An incoming Partner Center referral as Microsoft's account team shares one, invented with
// realistic defaults for the emulator's `control.createIncomingReferral`.
import { randomUUID } from 'node:crypto';
import { MICROSOFT_ORGANIZATION_ID } from '../../portals/microsoft/co-sell.js';
import { etag, iso } from './emulator-requests.js';
import {
  MICROSOFT_SENDER_BY_LAYER,
  type IncomingReferralInput,
  type Json,
} from './emulator-types.js';

const DAY_MS = 86_400_000;

export function inventIncomingReferral(
  input: IncomingReferralInput,
  now: number,
  context: { organization: { id: string; name: string }; solutionId: string; expiresAt: number },
): Json {
  const layer = input.layer ?? 'Partner Program';
  const person = { ...MICROSOFT_SENDER_BY_LAYER[layer], ...input.sender };
  const email =
    input.sender?.email ?? `${person.firstName}.${person.lastName}@microsoft.com`.toLowerCase();
  const id = randomUUID();
  const referral: Json = {
    id,
    engagementId: randomUUID(),
    name: input.name ?? 'Contoso Pharma – unified clinical data platform on Azure',
    organizationId: context.organization.id,
    organizationName: context.organization.name,
    createdDateTime: iso(now),
    updatedDateTime: iso(now),
    expirationDateTime: iso(context.expiresAt),
    status: 'New',
    substatus: 'Pending',
    statusReason: null,
    qualification: input.qualification ?? 'SalesQualified',
    type: input.type ?? 'Shared',
    direction: 'Incoming',
    customerProfile: {
      name: input.customer?.name ?? 'Contoso Pharmaceuticals GmbH',
      address: { city: input.customer?.city ?? 'Basel', country: input.customer?.country ?? 'CH' },
      size: input.customer?.size ?? '1001to5000employees',
      team: [
        {
          firstName: 'Elena',
          lastName: 'Marchetti',
          email: 'elena.marchetti@contoso-pharma.example',
          title: 'Head of Clinical Data Engineering',
        },
      ],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
    },
    details: {
      notes:
        input.notes ??
        'Contoso is consolidating three clinical trial warehouses onto Azure and drawing down its MACC; they want an ISV lakehouse with GxP controls. Can you run a design session in January?',
      dealValue: input.dealValue ?? 350_000,
      currency: input.currency ?? 'EUR',
      closingDateTime: input.closingDateTime ?? iso(now + 120 * DAY_MS),
      // Microsoft refers to one of the partner's co-sell-ready solutions.
      requirements: {
        solutions: [{ id: context.solutionId, name: 'StreamLake Lakehouse for Azure' }],
      },
    },
    target: [{ type: 'SolutionProfile', id: context.solutionId }],
    team: [{ firstName: person.firstName, lastName: person.lastName, email, title: person.title }],
    inviteContext: {
      notes: 'Shared by the Microsoft account team',
      invitedBy: { organizationId: MICROSOFT_ORGANIZATION_ID, organizationName: 'Microsoft' },
      assistanceRequestCode: 'GeneralOrOther',
    },
    eTag: etag(),
  };
  return referral;
}
