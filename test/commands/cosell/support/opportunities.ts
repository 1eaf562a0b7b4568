// Opportunity records exactly as the org's REST query answers them: parents nested, child queries
// as sub-results, datetimes with +0000 offsets. A Microsoft MACC drawdown that is ready, an AWS data
// platform deal referred by the PDM with gaps, and one with a picklist value the model refuses.
import type { SoqlRecord } from './fake-org.js';

const attributes = (id: string) => ({
  type: 'Opportunity',
  url: `/services/data/v63.0/sobjects/Opportunity/${id}`,
});

export const NORTHWIND: SoqlRecord = {
  attributes: attributes('006Hs00001Nwh01AAA'),
  Id: '006Hs00001Nwh01AAA',
  Name: 'Northwind Health – lakehouse migration',
  Amount: 240000,
  StageName: 'Solution Proposed',
  Probability: 40,
  IsClosed: false,
  IsWon: false,
  CloseDate: '2027-03-31',
  CreatedDate: '2026-09-02T14:20:00.000+0000',
  LastModifiedDate: '2026-11-03T16:45:00.000+0000',
  Description:
    'Northwind Health runs claims analytics on ageing Teradata and wants a governed lakehouse on Azure, funded from its MACC.',
  NextStep: 'Architecture review with the Microsoft CSA on 18 Nov',
  Type: 'New Business',
  Owner: { Name: 'Priya Raman', Email: 'priya.raman@acme-data.com' },
  AccountId: '001Hs00000Nwh01AAA',
  Account: {
    Name: 'Northwind Health',
    Website: 'https://www.northwindhealth.com',
    Industry: 'Healthcare',
    BillingStreet: '400 Pine Street',
    BillingCity: 'Seattle',
    BillingState: 'WA',
    BillingPostalCode: '98101',
    BillingCountry: 'US',
  },
  CoSell_Clouds__c: 'Microsoft',
  CoSell_Origin__c: 'Partner-led',
  CoSell_Originating_Cloud__c: null,
  CoSell_Attribution__c: 'Influenced',
  CoSell_Help_Needed__c: 'Architecture validation',
  CoSell_Help_Details__c:
    'Azure CSA to validate the Fabric landing zone against their HIPAA controls',
  Marketplace_Route__c: 'Private offer',
  Commit_Drawdown__c: 'Microsoft MACC',
  Tenancy_Archetype__c: 'ISV-hosted SaaS',
  CoSell_Expected_Monthly_Spend__c: 18000,
  CoSell_Use_Case__c: 'Data platform modernisation',
  CoSell_Engagements__r: {
    totalSize: 1,
    done: true,
    records: [
      {
        Id: 'a01Hs00000Eng01AAA',
        Cloud__c: 'Microsoft',
        Portal_Id__c: null,
        Status__c: 'Draft',
        Submitted_At__c: null,
        Accepted_At__c: null,
        Requested_Action__c: null,
        Last_Synced_At__c: null,
      },
    ],
  },
  OpportunityContactRoles: {
    totalSize: 1,
    done: true,
    records: [
      {
        Role: 'Decision Maker',
        Contact: {
          Id: '003Hs00000Nwh01AAA',
          FirstName: 'Dana',
          LastName: 'Whitfield',
          Email: 'dana.whitfield@northwindhealth.com',
          Phone: '+1 206 555 0142',
          Title: 'VP Data Platforms',
        },
      },
    ],
  },
};

export const CONTOSO: SoqlRecord = {
  ...NORTHWIND,
  attributes: attributes('006Hs00001Con02AAA'),
  Id: '006Hs00001Con02AAA',
  Name: 'Co-sell opportunity',
  Amount: 100000,
  Description: 'TBD',
  Account: {
    ...(NORTHWIND.Account as object),
    Name: 'Contoso Retail',
    Website: 'https://contoso-retail.com',
  },
  CoSell_Clouds__c: 'AWS',
  CoSell_Origin__c: 'Hyperscaler-led',
  CoSell_Originating_Cloud__c: 'AWS',
  CoSell_Attribution__c: 'Sourced',
  CoSell_Help_Needed__c: null,
  CoSell_Help_Details__c: null,
  CoSell_Use_Case__c: null,
  Commit_Drawdown__c: 'AWS EDP',
  CoSell_Engagements__r: {
    totalSize: 1,
    done: true,
    records: [
      {
        Id: 'a01Hs00000Eng02AAA',
        Cloud__c: 'AWS',
        Portal_Id__c: 'O1234567',
        Status__c: 'In review',
        Submitted_At__c: '2026-10-01T09:00:00.000+0000',
        Accepted_At__c: null,
      },
    ],
  },
  OpportunityContactRoles: { totalSize: 0, done: true, records: [] },
};

export const FABRIKAM_BAD_PICKLIST: SoqlRecord = {
  ...NORTHWIND,
  attributes: attributes('006Hs00001Fab03AAA'),
  Id: '006Hs00001Fab03AAA',
  Name: 'Fabrikam – Vertex AI forecasting',
  CoSell_Clouds__c: 'Google;Oracle',
};
