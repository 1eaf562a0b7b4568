// The co-sell panel's Submit: the requested action written to an engagement (or a new one), its
// progress until the service writes back, a rejected request, and who may submit at all.
import { updateRecord, createRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import {
  mockEngagementInfo,
  RECORD_ID,
  flushPromises,
  clone,
  createPanel,
  emitAll,
  card,
  withEngagement,
  cleanUp,
} from './panelHarness';

describe('c-co-sell-panel submit', () => {
  afterEach(cleanUp);

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
});
