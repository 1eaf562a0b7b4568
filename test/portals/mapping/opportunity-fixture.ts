// A realistic co-sell opportunity (a data-platform modernisation for a hospital group, drawing down
// its AWS commit) that mapping tests start from and vary one field at a time.
import {
  CoSellOpportunity,
  type CoSellOpportunityInput,
} from '../../../middleware/src/core/model.js';

export const NOW = new Date('2026-11-26T09:30:00Z');

/** The Northwind opportunity, optionally changed by `vary` (which edits a fresh copy of the input). */
export function northwindDataPlatform(
  vary: (input: NorthwindInput) => void = () => {},
): CoSellOpportunity {
  const input = northwindInput();
  vary(input);
  return CoSellOpportunity.parse(input);
}

type NorthwindInput = CoSellOpportunityInput & {
  account: NonNullable<CoSellOpportunityInput['account']>;
  coSell: NonNullable<CoSellOpportunityInput['coSell']>;
  contacts: NonNullable<CoSellOpportunityInput['contacts']>;
};

function northwindInput(): NorthwindInput {
  return {
    id: '006Hs00001NwDpLAAV',
    name: 'Northwind Health – Lakehouse migration',
    amount: 480000,
    currencyIsoCode: 'USD',
    stageName: 'Value Proposition',
    probability: 50,
    closeDate: '2027-03-31',
    createdDate: '2026-09-02T14:10:00Z',
    lastModifiedDate: '2026-11-20T16:45:00Z',
    description:
      'Northwind Health runs patient analytics on an ageing on-premises warehouse; reports take 9 hours and block clinical dashboards. They want a governed lakehouse on AWS.',
    nextStep: 'Architecture workshop with the AWS SA on 4 December',
    type: 'New Customer',
    ownerName: 'Priya Raman',
    ownerEmail: 'priya.raman@streamlake.example',
    account: {
      name: 'Northwind Health Systems',
      website: 'https://www.northwind-health.example',
      industry: 'Healthcare',
      billingStreet: '1200 Harbor Way',
      billingCity: 'Seattle',
      billingState: 'WA',
      billingPostalCode: '98101',
      billingCountry: 'United States',
    },
    contacts: [
      {
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: 'Dana.Whitfield@northwind-health.example',
        phone: '+1 (206) 555-0142',
        title: 'VP Data & Analytics',
        role: 'Decision Maker',
      },
    ],
    coSell: {
      clouds: ['AWS', 'Microsoft', 'Google'],
      origin: 'Partner-led',
      helpNeeded: ['Architecture validation', 'Executive sponsorship'],
      helpDetails: 'Need an AWS SA to validate the lakehouse design and the HIPAA controls',
      marketplaceRoute: 'Private offer',
      commitDrawdown: 'AWS EDP',
      tenancyArchetype: 'ISV-hosted SaaS',
      expectedMonthlySpend: 18500,
      useCase: 'Data platform modernisation',
    },
  };
}
