// The co-sell panel's tag form: which tags an AE may edit, what field-level security allows, the
// save's toast or inline error, and the re-check a save sets off.
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import {
  mockOpportunityInfo,
  RECORD_ID,
  flushPromises,
  clone,
  createPanel,
  emitAll,
  card,
  withEngagement,
  cleanUp,
} from './panelHarness';

describe('c-co-sell-panel tags', () => {
  afterEach(cleanUp);

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
});
