// What an AE sees in the co-sell panel on an Opportunity, driven by emitted LDS wire data: a card per
// cloud with its status, findings and sync error, the empty and error states. The tag form and Submit
// have their own test files.
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import {
  mockOpportunity,
  mockOpportunityInfo,
  mockEngagements,
  flushPromises,
  isInfoFor,
  clone,
  createPanel,
  emitAll,
  card,
  withEngagement,
  cleanUp,
} from './panelHarness';

describe('c-co-sell-panel', () => {
  afterEach(cleanUp);

  it('shows a spinner until the opportunity arrives', () => {
    const element = createPanel();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-record-edit-form')).toBeNull();
  });
  it('shows one card per tagged cloud with the engagement status, or "Not shared yet"', async () => {
    const element = await emitAll(createPanel());
    const clouds = [...element.shadowRoot.querySelectorAll('li.cloud-card')].map(
      (li) => li.dataset.cloud,
    );
    expect(clouds).toEqual(['AWS', 'Microsoft']);
    expect(card(element, 'AWS').querySelector('lightning-badge').label).toBe('Not shared yet');
    expect(card(element, 'Microsoft').querySelector('lightning-badge').label).toBe(
      'Action required',
    );
    expect(card(element, 'Microsoft').querySelector('.portal-id').textContent).toContain(
      '3f1a9c2e-7b4d-4e8f-9a61-2c5d8e0b4f17',
    );
  });
  it('lists the findings errors first, each pointing at the Opportunity field to fix by its label', async () => {
    const element = await emitAll(createPanel());
    const findings = [...card(element, 'Microsoft').querySelectorAll('li.finding')];
    expect(findings.map((li) => li.dataset.severity)).toEqual(['error', 'warning']);
    expect(findings[0].querySelector('.finding-message').textContent).toBe(
      "Partner Center needs the customer's country to route the referral.",
    );
    // Account.BillingCountry is not an Opportunity field: the API name is the best pointer there is.
    expect(findings[0].querySelector('.finding-field').textContent.trim()).toBe(
      'Fix: Account.BillingCountry',
    );
    expect(findings[1].querySelector('.finding-field').textContent.trim()).toBe('Fix: Close Date');
    expect(findings[0].querySelector('lightning-icon').alternativeText).toBe('error');
  });
  it('explains a stage the mapping does not know in Salesforce terms: the field, and the value map record an admin adds', async () => {
    const unmapped = {
      code: 'MICROSOFT_MAP_VALUE_NOT_SENT',
      severity: 'warning',
      cloud: 'Microsoft',
      field: 'StageName',
      path: '$.salesStage',
      message:
        'Stage "Verbal Commit" has no Microsoft Partner Center equivalent in the mapping, so it was left out of what goes to Microsoft Partner Center. ' +
        'Pick another Stage value, or ask your Salesforce admin to add a Co-Sell Value Map record (Setup > Custom Metadata Types > Co-Sell Value Map > Manage Records) ' +
        'with Portal Microsoft, Value Map "salesStage", Salesforce Value "Verbal Commit" and the Microsoft Partner Center value it stands for.',
    };
    const element = await emitAll(createPanel(), {
      engagements: withEngagement({ Findings__c: JSON.stringify([unmapped]) }),
    });
    const [finding] = [...card(element, 'Microsoft').querySelectorAll('li.finding')];
    expect(finding.querySelector('.finding-message').textContent).toContain(
      'Co-Sell Value Map record',
    );
    expect(finding.querySelector('.finding-message').textContent).not.toContain('config/mapping');
    expect(finding.querySelector('.finding-field').textContent.trim()).toBe('Fix: Stage');
  });
  it('says so when the findings written back are not readable JSON', async () => {
    const element = await emitAll(createPanel(), {
      engagements: withEngagement({ Findings__c: '{oops' }),
    });
    expect(card(element, 'Microsoft').querySelector('.findings-unreadable')).not.toBeNull();
    expect(card(element, 'Microsoft').querySelectorAll('li.finding')).toHaveLength(0);
  });
  it('shows the sync error the service wrote back', async () => {
    const element = await emitAll(createPanel(), {
      engagements: withEngagement({
        Sync_Error__c: 'Partner Center answered 503; retrying in 2 minutes.',
      }),
    });
    expect(card(element, 'Microsoft').querySelector('.sync-error').textContent).toContain(
      'Partner Center answered 503; retrying in 2 minutes.',
    );
  });
  it('shows the empty state when no cloud is tagged and no engagement exists', async () => {
    const opportunity = clone(mockOpportunity);
    opportunity.fields.CoSell_Clouds__c = { displayValue: null, value: null };
    const engagements = clone(mockEngagements);
    engagements.records = [];
    engagements.count = 0;
    const element = await emitAll(createPanel(), { opportunity, engagements });
    expect(element.shadowRoot.querySelectorAll('li.cloud-card')).toHaveLength(0);
    expect(element.shadowRoot.querySelector('.no-clouds').textContent).toContain(
      'No cloud is tagged yet.',
    );
  });
  it('keeps a card for a cloud that was untagged but still has an engagement', async () => {
    const opportunity = clone(mockOpportunity);
    opportunity.fields.CoSell_Clouds__c = { displayValue: 'AWS', value: 'AWS' };
    const element = await emitAll(createPanel(), { opportunity });
    const clouds = [...element.shadowRoot.querySelectorAll('li.cloud-card')].map(
      (li) => li.dataset.cloud,
    );
    expect(clouds).toEqual(['AWS', 'Microsoft']);
  });
  it('shows the error when the opportunity cannot be read', async () => {
    const element = createPanel();
    getRecord.error({ message: 'You do not have access to this record.' }, 403, 'Forbidden');
    await flushPromises();
    expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot.querySelector('.opportunity-error').textContent).toContain(
      'Co-sell data could not be loaded.',
    );
    expect(element.shadowRoot.querySelector('lightning-record-edit-form')).toBeNull();
  });
  it('shows the error when the engagements cannot be read', async () => {
    const element = createPanel();
    getRecord.emit(mockOpportunity);
    getObjectInfo.emit(mockOpportunityInfo, isInfoFor('Opportunity'));
    getRelatedListRecords.error(
      { message: 'The requested resource does not exist' },
      404,
      'Not Found',
    );
    await flushPromises();
    expect(element.shadowRoot.querySelector('.engagements-error').textContent).toBe(
      'The requested resource does not exist',
    );
  });
  it('is accessible', async () => {
    const element = await emitAll(createPanel());
    await expect(element).toBeAccessible();
  });
});
