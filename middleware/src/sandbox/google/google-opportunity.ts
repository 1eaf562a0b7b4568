// An opportunity Google's own field creates and shares with the partner, invented with realistic
// defaults for the emulator's `control.createGoogleOpportunity`.
import { iso } from './emulator-requests.js';
import type { GoogleOpportunityInput, Json } from './emulator-types.js';

export function inventGoogleOpportunity(
  input: GoogleOpportunityInput,
  name: string,
  now: number,
): Json {
  const close = input.closeDate ?? { year: new Date(now).getUTCFullYear() + 1, month: 3, day: 31 };
  const opportunity: Json = {
    name,
    state: 'ACCEPTED',
    stage: 'STAGE_0',
    source: 'GOOGLE',
    owner: input.owner?.name ?? 'Sofia Lindgren',
    ownerEmail: input.owner?.email ?? 'sofia.lindgren@google.com',
    creatorEmail: input.owner?.email ?? 'sofia.lindgren@google.com',
    customerDisplayName: input.customer?.organizationName ?? 'Fabrikam Logistics AB',
    opportunityInfo: {
      displayName:
        input.displayName ?? 'Fabrikam Logistics – fleet telemetry analytics on BigQuery',
      description:
        input.description ??
        'Fabrikam streams telematics from 12,000 trucks and wants a partner lakehouse on BigQuery, funded from their Google Cloud commit, live before peak season.',
      productFamily: ['GOOGLE_CLOUD_PLATFORM'],
    },
    qualificationInfo: {
      dealSize: input.dealSize
        ? { ...input.dealSize, nanos: 0 }
        : { currencyCode: 'EUR', units: '260000', nanos: 0 },
      estimatedCloseDate: close,
    },
    customerInfo: {
      customerDetails: {
        organizationName: input.customer?.organizationName ?? 'Fabrikam Logistics AB',
        domain: input.customer?.domain ?? 'fabrikam-logistics.example',
        address: { regionCode: input.customer?.regionCode ?? 'SE', locality: 'Gothenburg' },
      },
    },
    createTime: iso(now),
    updateTime: iso(now),
  };
  return opportunity;
}
