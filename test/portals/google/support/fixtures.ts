// Realistic Google Cloud opportunity payloads: our submission of a Northwind Traders BigQuery
// migration drawing down their Google commit, and an opportunity a Google FSR created for us.
export function submissionBody(): Record<string, unknown> {
  return {
    state: 'SUBMITTED',
    opportunityInfo: {
      displayName: 'Northwind Traders – lakehouse on BigQuery (Google commit)',
      description:
        'Move 40 TB of Teradata to our lakehouse on BigQuery; consumption draws down the customer commit.',
      productFamily: ['GOOGLE_CLOUD_PLATFORM'],
      productCategory: ['DATA_ANALYTICS'],
      confidential: false,
    },
    qualificationInfo: {
      dealSize: { currencyCode: 'GBP', units: '480000', nanos: 0 },
      estimatedCloseDate: { year: 2026, month: 12, day: 18 },
      contractLengthMonths: 36,
      quantity: 1,
      operationType: 'NEW_BUSINESS',
      budget: 'BUDGET_ALLOCATED',
      authority: 'DECISION_MAKER_IDENTIFIED',
      need: 'NEED_CONFIRMED',
      timeline: 'WITHIN_SIX_MONTHS',
      decisionPhase: 'EVALUATION',
      campaignCode: 'GCPN-DATA-Q4',
      publicSector: false,
      msspDeal: false,
      legalLanguageAccepted: true,
      publicTenderAttestation: false,
      region: 'EMEA',
      dealNumber: 'NW-2026-0042',
    },
    customerInfo: {
      customerDetails: {
        organizationName: 'Northwind Traders Ltd',
        domain: 'northwindtraders.co.uk',
        address: {
          regionCode: 'GB',
          languageCode: 'en-GB',
          postalCode: 'E14 9GE',
          sortingCode: '',
          administrativeArea: 'Greater London',
          locality: 'London',
          sublocality: 'Canary Wharf',
          addressLines: ['12 Harbour Exchange Square', 'Floor 4'],
          recipients: ['Amelia Okafor'],
          organization: 'Northwind Traders Ltd',
        },
        industry: 'RETAIL',
        employeeCount: 2400,
      },
      contact: {
        givenName: 'Amelia',
        familyName: 'Okafor',
        email: 'amelia.okafor@northwindtraders.co.uk',
        phone: { e164Number: '+442079460123', extension: '204' },
        primary: true,
      },
      region: 'EMEA',
    },
    isvSolutionConnectInfo: {
      isvSolutionConnectDeal: true,
      customerContactRequested: true,
      supportLevel: 'TECHNICAL_VALIDATION',
      contractVehicle: 'GOOGLE_CLOUD_MARKETPLACE',
      deliveryModel: 'SAAS',
      notes: 'Needs a Google CE for the BigQuery migration assessment.',
      nextStep: 'Architecture workshop on 3 Dec',
    },
    partnerInfo: {
      incentiveEligibility: true,
      incentiveType: 'ISV_CO_SELL',
      contractExpiryDate: { year: 2029, month: 12, day: 31 },
      rebateExpirationDate: { year: 2027, month: 6, day: 30 },
      distributor: 'none',
      subBillingAccountId: '01A2B3-C4D5E6-F7G8H9',
      gcpProjectNumbers: ['482910375521'],
    },
    salesCycle: { closeDate: { year: 2026, month: 12, day: 18 }, partnerReadyToClose: 'NOT_READY' },
    winLossInfo: {},
    opportunityLines: [
      {
        displayName: 'Lakehouse Labs Data Platform – Enterprise',
        quantity: '1',
        salesPrice: { currencyCode: 'GBP', units: '480000', nanos: 0 },
        listPrice: { currencyCode: 'GBP', units: '520000', nanos: 0 },
        totalPrice: { currencyCode: 'GBP', units: '480000', nanos: 0 },
        metric: 'annual subscription',
        description: 'Three-year private offer through Google Cloud Marketplace',
      },
    ],
    opportunityTeamMembers: [
      { name: 'Daniel Whitfield', email: 'daniel.whitfield@lakehouselabs.io', accessLevel: 'EDIT' },
    ],
    customerContacts: [
      {
        givenName: 'Amelia',
        familyName: 'Okafor',
        title: 'Head of Data Platforms',
        role: 'DECISION_MAKER',
        email: 'amelia.okafor@northwindtraders.co.uk',
        phone: { e164Number: '+442079460123' },
        primary: true,
      },
    ],
    rebateExtensions: [],
    referenceOpportunityId: '006Hs00001AbCdEIAZ',
  };
}

/** An opportunity a Google field sales rep created and shared with us, as GET returns it. */
export function googleCreatedOpportunity(): Record<string, unknown> {
  return {
    ...submissionBody(),
    name: 'opportunities/8812734401',
    customerDisplayName: 'NORTHWIND TRADERS LIMITED',
    state: 'ACCEPTED',
    stage: 'STAGE_0',
    owner: 'Tom Becker',
    ownerEmail: 'tom.becker@google.com',
    creatorEmail: 'tom.becker@google.com',
    source: 'GOOGLE',
    createTime: '2026-11-23T14:05:12.483Z',
    updateTime: '2026-11-23T14:05:12.483Z',
  };
}

export function pushBody(event: unknown): Record<string, unknown> {
  return {
    message: {
      data: Buffer.from(JSON.stringify(event)).toString('base64'),
      messageId: '13650987712504',
      publishTime: '2026-11-23T14:05:14.102Z',
      attributes: { event_type: 'opportunity' },
    },
    subscription: 'projects/lakehouse-cosell/subscriptions/cloudchannel-opportunities',
  };
}

export const CREATED_EVENT = {
  opportunityEvent: {
    eventType: 'CREATED',
    opportunity: 'opportunities/8812734401',
    partner: 'partners/C01x9k2m',
  },
};
