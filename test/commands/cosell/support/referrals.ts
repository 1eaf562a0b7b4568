// Referral views as the service's GET /api/v1/referrals returns them: a PDM referral for a data
// platform deal on Microsoft, and an AWS field-seller referral that is already overdue.
export const CONTOSO_PDM_REFERRAL = {
  id: '42',
  cloud: 'Microsoft',
  portalId: 'c3f1b2a4-77d2-4e51-9a0b-1f3e5d6c7a89',
  customerName: 'Contoso Pharmaceuticals',
  customerDomain: 'contosopharma.com',
  title: 'Clinical trial data lakehouse on Azure',
  estimatedValue: { amount: 420000, currencyIsoCode: 'USD' },
  sourceLayer: 'Partner Program',
  priority: 'Urgent',
  responseDue: '2026-11-11T17:00:00.000Z',
  overdue: false,
  triageStatus: 'New',
  ownerId: null,
  referrer: {
    name: 'Megan Bowen',
    email: 'megan.bowen@microsoft.com',
    title: 'Partner Development Manager',
  },
  receivedAt: '2026-11-10T08:12:00.000Z',
  triageReason: 'Partner Program referral: Urgent, answer within 1 business day',
};

export const LITWARE_FIELD_REFERRAL = {
  ...CONTOSO_PDM_REFERRAL,
  id: '43',
  cloud: 'AWS',
  portalId: 'O7712345',
  customerName: 'Litware Logistics',
  customerDomain: 'litware.com',
  title: 'Fleet telemetry analytics',
  estimatedValue: { amount: 95000, currencyIsoCode: 'USD' },
  sourceLayer: 'Account Team',
  priority: 'High',
  responseDue: '2026-11-07T17:00:00.000Z',
  overdue: true,
  triageStatus: 'Assigned',
  ownerId: '005Hs00000Ops01AAA',
  referrer: { name: 'Jordan Lee', email: 'jlee@amazon.com', title: 'Account Manager' },
  triageReason: 'Account Team referral: High',
};
