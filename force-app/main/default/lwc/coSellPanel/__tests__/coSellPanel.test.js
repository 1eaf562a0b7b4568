// What an AE sees and does in the co-sell panel on an Opportunity, driven by emitted LDS wire data.
import { createElement } from 'lwc';
import CoSellPanel from 'c/coSellPanel';
import {
  getRecord,
  updateRecord,
  createRecord,
  notifyRecordUpdateAvailable,
} from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true,
});

const mockOpportunity = require('./data/getRecord.json');
const mockOpportunityInfo = require('./data/getObjectInfoOpportunity.json');
const mockEngagementInfo = require('./data/getObjectInfoEngagement.json');
const mockEngagements = require('./data/getRelatedListRecords.json');

const RECORD_ID = mockOpportunity.id;

const flushPromises = () => Promise.resolve();

function isInfoFor(objectApiName) {
  return (config) => {
    const name = config.objectApiName;
    return (name && name.objectApiName ? name.objectApiName : name) === objectApiName;
  };
}

function clone(json) {
  return JSON.parse(JSON.stringify(json));
}

function createPanel() {
  const element = createElement('c-co-sell-panel', { is: CoSellPanel });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  return element;
}

async function emitAll(element, overrides = {}) {
  getRecord.emit(overrides.opportunity || mockOpportunity);
  getObjectInfo.emit(overrides.opportunityInfo || mockOpportunityInfo, isInfoFor('Opportunity'));
  getObjectInfo.emit(
    overrides.engagementInfo || mockEngagementInfo,
    isInfoFor('CoSell_Engagement__c'),
  );
  getRelatedListRecords.emit(overrides.engagements || mockEngagements);
  await flushPromises();
  return element;
}

function card(element, cloud) {
  return element.shadowRoot.querySelector(`li.cloud-card[data-cloud="${cloud}"]`);
}

function withEngagement(fields) {
  const list = clone(mockEngagements);
  Object.entries(fields).forEach(([field, value]) => {
    list.records[0].fields[field] = { displayValue: null, value };
  });
  return list;
}

describe('c-co-sell-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner until the opportunity arrives', () => {
    const element = createPanel();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-record-edit-form')).toBeNull();
  });

  it('asks the record wire for the clouds and the other tags as optional fields', async () => {
    createPanel();
    await flushPromises();
    const config = getRecord.getLastConfig();
    expect(config.recordId).toBe(RECORD_ID);
    expect(config.optionalFields).toEqual(
      expect.arrayContaining([
        'Opportunity.Marketplace_Route__c',
        'Opportunity.Commit_Drawdown__c',
      ]),
    );
    expect(getRelatedListRecords.getLastConfig().relatedListId).toBe('CoSell_Engagements__r');
  });

  it('renders the co-sell tags as editable inputs and the computed attribution read-only', async () => {
    const element = await emitAll(createPanel());
    const inputs = [...element.shadowRoot.querySelectorAll('lightning-input-field')].map(
      (f) => f.fieldName,
    );
    const outputs = [...element.shadowRoot.querySelectorAll('lightning-output-field')].map(
      (f) => f.fieldName,
    );
    expect(inputs).toEqual([
      'CoSell_Clouds__c',
      'CoSell_Origin__c',
      'CoSell_Originating_Cloud__c',
      'CoSell_Help_Needed__c',
      'CoSell_Help_Details__c',
      'Marketplace_Route__c',
      'Commit_Drawdown__c',
      'Tenancy_Archetype__c',
    ]);
    expect(outputs).toEqual(['CoSell_Attribution__c']);
    expect(element.shadowRoot.querySelector('lightning-button.save-tags').label).toBe(
      'Save co-sell tags',
    );
  });

  it('keeps the engine-owned attribution read-only even when field-level security allows editing it', async () => {
    const adminInfo = clone(mockOpportunityInfo);
    Object.values(adminInfo.fields).forEach((field) => {
      field.updateable = true;
    });
    const element = await emitAll(createPanel(), { opportunityInfo: adminInfo });
    const inputs = [...element.shadowRoot.querySelectorAll('lightning-input-field')].map(
      (f) => f.fieldName,
    );
    const outputs = [...element.shadowRoot.querySelectorAll('lightning-output-field')].map(
      (f) => f.fieldName,
    );
    expect(inputs).toHaveLength(8);
    expect(inputs).not.toContain('CoSell_Attribution__c');
    expect(outputs).toEqual(['CoSell_Attribution__c']);
  });

  it('shows every tag read-only and no save button when field-level security forbids edits', async () => {
    const readOnlyInfo = clone(mockOpportunityInfo);
    Object.values(readOnlyInfo.fields).forEach((field) => {
      field.updateable = false;
    });
    const element = await emitAll(createPanel(), { opportunityInfo: readOnlyInfo });
    expect(element.shadowRoot.querySelectorAll('lightning-input-field')).toHaveLength(0);
    expect(element.shadowRoot.querySelectorAll('lightning-output-field')).toHaveLength(9);
    expect(element.shadowRoot.querySelector('lightning-button.save-tags')).toBeNull();
    expect(element.shadowRoot.querySelector('.tags-read-only').textContent).toBe(
      'You can view these co-sell tags but not change them.',
    );
  });

  it('leaves out a tag field the user cannot see at all', async () => {
    const info = clone(mockOpportunityInfo);
    delete info.fields.Commit_Drawdown__c;
    const element = await emitAll(createPanel(), { opportunityInfo: info });
    const shown = [
      ...element.shadowRoot.querySelectorAll('lightning-input-field, lightning-output-field'),
    ].map((f) => f.fieldName);
    expect(shown).not.toContain('Commit_Drawdown__c');
    expect(shown).toHaveLength(8);
  });

  it('confirms a tag save with a toast and shows a failed save inline', async () => {
    const element = await emitAll(createPanel());
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    const form = element.shadowRoot.querySelector('lightning-record-edit-form');

    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(element.shadowRoot.querySelector('lightning-button.save-tags').disabled).toBe(true);

    form.dispatchEvent(new CustomEvent('success', { detail: { id: RECORD_ID } }));
    await flushPromises();
    expect(toastHandler).toHaveBeenCalledTimes(1);
    expect(toastHandler.mock.calls[0][0].detail.title).toBe('Co-sell tags saved.');
    expect(element.shadowRoot.querySelector('lightning-button.save-tags').disabled).toBe(false);

    form.dispatchEvent(
      new CustomEvent('error', {
        detail: {
          message: 'Originating Cloud: a hyperscaler-led opportunity names its originating cloud.',
        },
      }),
    );
    await flushPromises();
    expect(element.shadowRoot.querySelector('.action-error').textContent.trim()).toBe(
      'Originating Cloud: a hyperscaler-led opportunity names its originating cloud.',
    );
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

  it('submits an existing engagement by setting its requested action, then refreshes it', async () => {
    const element = await emitAll(createPanel());
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    const button = card(element, 'Microsoft').querySelector('lightning-button.submit');
    expect(button.label).toBe('Submit to Microsoft');

    button.click();
    await flushPromises();
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: 'a01Hs00000MsftEngA', Requested_Action__c: 'Submit' },
    });
    expect(createRecord).not.toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: 'a01Hs00000MsftEngA' }]);
    expect(refreshApex).toHaveBeenCalled();
    expect(toastHandler.mock.calls[0][0].detail.title).toBe(
      'Submit to Microsoft requested. The co-sell service will share it and write back the outcome.',
    );
  });

  it('creates the engagement with the submit request when the cloud has none yet', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a01Hs00000AwsEngAA' });
    const element = await emitAll(createPanel());
    card(element, 'AWS').querySelector('lightning-button.submit').click();
    await flushPromises();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'CoSell_Engagement__c',
      fields: { Opportunity__c: RECORD_ID, Cloud__c: 'AWS', Requested_Action__c: 'Submit' },
    });
    expect(updateRecord).not.toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: 'a01Hs00000AwsEngAA' }]);
  });

  it('disables the button and shows progress while the submit is on its way', async () => {
    let finishUpdate;
    updateRecord.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          finishUpdate = resolve;
        }),
    );
    const element = await emitAll(createPanel());
    card(element, 'Microsoft').querySelector('lightning-button.submit').click();
    await flushPromises();

    expect(card(element, 'Microsoft').querySelector('lightning-button.submit').disabled).toBe(true);
    expect(card(element, 'Microsoft').querySelector('.pending-text').textContent).toBe(
      'Submit requested for Microsoft: waiting for the co-sell service to write back the outcome.',
    );
    finishUpdate({});
    // LDS now holds the engagement with the request on it: progress stays until the service answers.
    getRelatedListRecords.emit(withEngagement({ Requested_Action__c: 'Submit' }));
    await flushPromises();
    await flushPromises();
    expect(card(element, 'Microsoft').querySelector('.pending-text').textContent).toBe(
      'Submit requested for Microsoft: waiting for the co-sell service to write back the outcome.',
    );
    expect(card(element, 'Microsoft').querySelector('lightning-button.submit').disabled).toBe(true);
  });

  it('keeps showing progress while the request waits for the service and polls until it is written back', async () => {
    jest.useFakeTimers();
    const element = await emitAll(createPanel(), {
      engagements: withEngagement({ Requested_Action__c: 'Submit' }),
    });
    expect(card(element, 'Microsoft').querySelector('.pending')).not.toBeNull();
    expect(card(element, 'Microsoft').querySelector('lightning-button.submit').disabled).toBe(true);

    jest.advanceTimersByTime(5000);
    expect(refreshApex).toHaveBeenCalledTimes(1);

    // The service cleared the request and wrote the outcome back.
    getRelatedListRecords.emit(
      withEngagement({ Requested_Action__c: null, Status__c: 'Submitted', Findings__c: '[]' }),
    );
    await flushPromises();
    expect(card(element, 'Microsoft').querySelector('.pending')).toBeNull();
    expect(card(element, 'Microsoft').querySelector('lightning-badge').label).toBe('Submitted');
    // Already with Microsoft: no second submit.
    expect(card(element, 'Microsoft').querySelector('lightning-button.submit')).toBeNull();

    jest.advanceTimersByTime(15000);
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });

  it('after a tag save re-reads an unshared engagement holding findings until the service has judged it again', async () => {
    jest.useFakeTimers();
    const finding = {
      code: 'LINT_NO_HYPERSCALER_ASK',
      severity: 'error',
      message: 'No ask of Microsoft.',
      cloud: 'Microsoft',
      field: 'CoSell_Help_Needed__c',
    };
    const element = await emitAll(createPanel(), {
      engagements: withEngagement({
        Requested_Action__c: null,
        Portal_Id__c: null,
        Status__c: 'Draft',
        Findings__c: JSON.stringify([finding]),
      }),
    });
    expect(card(element, 'Microsoft').querySelectorAll('li.finding')).toHaveLength(1);
    jest.advanceTimersByTime(10000);
    expect(refreshApex).not.toHaveBeenCalled();

    element.shadowRoot
      .querySelector('lightning-record-edit-form')
      .dispatchEvent(new CustomEvent('success', { detail: { id: RECORD_ID } }));
    await flushPromises();
    jest.advanceTimersByTime(5000);
    expect(refreshApex).toHaveBeenCalledTimes(1);
    getRelatedListRecords.emit(
      withEngagement({
        Requested_Action__c: null,
        Portal_Id__c: null,
        Status__c: 'Draft',
        Findings__c: '[]',
      }),
    );
    await flushPromises();
    expect(card(element, 'Microsoft').querySelectorAll('li.finding')).toHaveLength(0);

    // The watch ends with its window.
    jest.advanceTimersByTime(60000);
    expect(refreshApex.mock.calls.length).toBeLessThanOrEqual(4);
    const calls = refreshApex.mock.calls.length;
    jest.advanceTimersByTime(60000);
    expect(refreshApex).toHaveBeenCalledTimes(calls);
  });

  it('shows the platform error when the submit is rejected, and changes nothing else', async () => {
    updateRecord.mockRejectedValueOnce({
      body: {
        message: 'An error occurred',
        output: {
          errors: [{ message: 'insufficient access rights on object id' }],
          fieldErrors: {},
        },
      },
    });
    const element = await emitAll(createPanel());
    card(element, 'Microsoft').querySelector('lightning-button.submit').click();
    await flushPromises();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.action-error').textContent.trim()).toBe(
      'insufficient access rights on object id',
    );
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
    expect(card(element, 'Microsoft').querySelector('lightning-button.submit').disabled).toBe(
      false,
    );
  });

  it('offers no submit to a user who may not request it, and says why', async () => {
    const info = clone(mockEngagementInfo);
    info.createable = false;
    info.fields.Requested_Action__c.updateable = false;
    info.fields.Requested_Action__c.createable = false;
    const element = await emitAll(createPanel(), { engagementInfo: info });
    expect(element.shadowRoot.querySelectorAll('lightning-button.submit')).toHaveLength(0);
    expect(card(element, 'AWS').querySelector('.no-submit-permission').textContent).toBe(
      'You do not have permission to submit co-sell engagements. Ask alliance ops to submit it.',
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
