// What alliance ops see and do in the referral inbox, driven by emitted GraphQL and LDS wire data.
import { createElement } from 'lwc';
import CoSellInbox from 'c/coSellInbox';
import { graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';

const mockReferrals = require('./data/graphql.json');
const mockReferralInfo = require('./data/getObjectInfo.json');
const mockDeclineReasons = require('./data/getPicklistValues.json');

const NOW = new Date('2026-11-26T09:00:00Z');
const CONTOSO = 'a02Hs00000RefCntsA';

const flushPromises = () => Promise.resolve();
const refreshQuery = jest.fn(() => Promise.resolve());

function clone(json) {
  return JSON.parse(JSON.stringify(json));
}

async function createInbox({ referrals = mockReferrals, info = mockReferralInfo } = {}) {
  const element = createElement('c-co-sell-inbox', { is: CoSellInbox });
  document.body.appendChild(element);
  graphql.emit(referrals, undefined, refreshQuery);
  getObjectInfo.emit(info);
  getPicklistValues.emit(mockDeclineReasons);
  await flushPromises();
  return element;
}

// The inbox's children render in their own shadow trees: each helper hops into the one it reads.
function list(element) {
  return element.shadowRoot.querySelector('c-co-sell-inbox-list');
}

function rows(element) {
  const inboxList = list(element);
  return inboxList ? [...inboxList.shadowRoot.querySelectorAll('li.referral')] : [];
}

function row(element, id) {
  return list(element).shadowRoot.querySelector(`li.referral[data-id="${id}"]`);
}

function customers(element) {
  return rows(element).map((li) => li.querySelector('h3.customer').firstChild.textContent.trim());
}

function filterBox(element, filter) {
  const filters = element.shadowRoot.querySelector('c-co-sell-inbox-filters');
  return filters.shadowRoot.querySelector(`lightning-combobox[data-filter="${filter}"]`);
}

async function changeFilter(element, filter, value) {
  filterBox(element, filter).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

function decisionForm(element, id) {
  const decision = row(element, id).querySelector('c-co-sell-referral-decision');
  return decision ? decision.shadowRoot.querySelector('.decision') : null;
}

async function startDecision(element, id, action) {
  row(element, id).querySelector(`lightning-button.${action}`).click();
  await flushPromises();
  return decisionForm(element, id);
}

async function type(form, selector, value, detailKey = 'value') {
  form
    .querySelector(selector)
    .dispatchEvent(new CustomEvent('change', { detail: { [detailKey]: value } }));
  await flushPromises();
}

async function save(form) {
  form.querySelector('lightning-button.save').click();
  await flushPromises();
  await flushPromises();
}

describe('c-co-sell-inbox', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner until the referrals arrive', () => {
    const element = createElement('c-co-sell-inbox', { is: CoSellInbox });
    document.body.appendChild(element);
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('lists open referrals by priority, then due time, unclassified ahead of standard', async () => {
    const element = await createInbox();
    expect(customers(element)).toEqual([
      'Contoso Pharma',
      'Fabrikam Retail',
      'Tailspin Logistics',
      'Wingtip Energy',
      'Northwind Health',
    ]);
    expect(row(element, 'a02Hs00000RefWngtA').querySelector('.priority').textContent).toBe(
      'Unclassified: triage by hand',
    );
    expect(row(element, 'a02Hs00000RefNwthA').querySelector('.referrer').textContent).toBe(
      'Referred by Priya Raman (Partner Program)',
    );
    expect(row(element, CONTOSO).querySelector('.owner').textContent).toBe('Owner: Maya Lindqvist');
    // Owned by the alliance ops queue: no user name to show.
    expect(row(element, 'a02Hs00000RefNwthA').querySelector('.owner')).toBeNull();
  });

  it('shows the SLA countdown and marks an overdue referral', async () => {
    const element = await createInbox();
    expect(row(element, CONTOSO).querySelector('.sla').textContent).toBe('Overdue by 45 min');
    expect(row(element, CONTOSO).classList.contains('overdue')).toBe(true);
    expect(row(element, 'a02Hs00000RefFbrkA').querySelector('.sla').textContent).toBe(
      'Respond within 3 h 20 min',
    );
    expect(row(element, 'a02Hs00000RefFbrkA').classList.contains('overdue')).toBe(false);
    expect(row(element, 'a02Hs00000RefNwthA').querySelector('.sla').textContent).toBe(
      'Respond within 2 d',
    );
    expect(row(element, 'a02Hs00000RefWngtA').querySelector('.sla').textContent).toBe(
      'No response due time',
    );
  });

  it('ticks the countdown every minute while open, and stops when removed', async () => {
    const element = await createInbox();
    jest.advanceTimersByTime(60 * 1000);
    await flushPromises();
    expect(row(element, 'a02Hs00000RefFbrkA').querySelector('.sla').textContent).toBe(
      'Respond within 3 h 19 min',
    );
    expect(row(element, CONTOSO).querySelector('.sla').textContent).toBe('Overdue by 46 min');
    document.body.removeChild(element);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('filters by cloud, layer, priority and status', async () => {
    const element = await createInbox();
    await changeFilter(element, 'cloudFilter', 'AWS');
    expect(customers(element)).toEqual(['Tailspin Logistics', 'Northwind Health']);

    await changeFilter(element, 'layerFilter', 'Partner Program');
    expect(customers(element)).toEqual(['Northwind Health']);

    await changeFilter(element, 'cloudFilter', '');
    await changeFilter(element, 'layerFilter', '');
    await changeFilter(element, 'priorityFilter', 'Urgent');
    expect(customers(element)).toEqual(['Contoso Pharma', 'Fabrikam Retail']);

    await changeFilter(element, 'statusFilter', '');
    expect(customers(element)).toEqual(['Contoso Pharma', 'Fabrikam Retail', 'Adatum Bank']);
    // A declined referral is closed: its status replaces the clock and it offers no actions.
    const adatum = row(element, 'a02Hs00000RefAdtmA');
    expect(adatum.querySelector('.sla').textContent).toBe('Declined');
    expect(adatum.classList.contains('overdue')).toBe(false);
    expect(adatum.querySelector('lightning-button.accept')).toBeNull();

    await changeFilter(element, 'statusFilter', 'Assigned');
    expect(customers(element)).toEqual(['Fabrikam Retail']);
  });

  it('shows the open feedback loops: undecided past due and decided without feedback, whatever their status', async () => {
    const element = await createInbox();
    await changeFilter(element, 'statusFilter', 'OpenLoops');
    expect(customers(element)).toEqual(['Contoso Pharma', 'Adatum Bank']);
    const option = filterBox(element, 'statusFilter').options.find(
      (entry) => entry.value === 'OpenLoops',
    );
    expect(option.label).toBe('Open feedback loops (referrer not told)');
  });

  it('shows the empty state when no referral matches', async () => {
    const element = await createInbox();
    await changeFilter(element, 'cloudFilter', 'Google');
    await changeFilter(element, 'layerFilter', 'Executive/Industry');
    expect(rows(element)).toHaveLength(0);
    expect(element.shadowRoot.querySelector('.empty').textContent).toContain(
      'No referrals match these filters.',
    );
  });

  it('shows a referral waiting for the service as pending, without actions', async () => {
    const element = await createInbox();
    const tailspin = row(element, 'a02Hs00000RefTlspA');
    expect(tailspin.querySelector('.pending').textContent.trim()).toBe(
      'Accept requested: waiting for the co-sell service.',
    );
    expect(tailspin.querySelector('lightning-button-group')).toBeNull();
  });

  it('accepts a referral through Requested_Action__c with the feedback note', async () => {
    const element = await createInbox();
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    const form = await startDecision(element, CONTOSO, 'accept');
    expect(form.querySelector('lightning-combobox.reason')).toBeNull();
    await type(
      form,
      'lightning-textarea.feedback',
      'Thanks Daniel: our SE joins Thursday to scope the clinical data platform in their Azure tenant.',
    );
    await save(form);

    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: CONTOSO,
        Requested_Action__c: 'Accept',
        Feedback__c:
          'Thanks Daniel: our SE joins Thursday to scope the clinical data platform in their Azure tenant.',
      },
    });
    expect(toastHandler.mock.calls[0][0].detail.title).toBe(
      'Accept requested for Contoso Pharma. The co-sell service updates the portal and the referrer.',
    );
    expect(refreshQuery).toHaveBeenCalled();
    expect(decisionForm(element, CONTOSO)).toBeNull();
  });

  it('does not save a decline without a reason or without feedback', async () => {
    const element = await createInbox();
    const form = await startDecision(element, CONTOSO, 'decline');
    expect(form.querySelector('lightning-combobox.reason').options.map((o) => o.value)).toContain(
      'Below commercial threshold',
    );
    await save(form);
    expect(form.querySelector('.form-error').textContent).toBe(
      'Choose a decline reason: the referrer learns from it.',
    );

    await type(form, 'lightning-combobox.reason', 'Region or compliance not supported');
    await save(form);
    expect(form.querySelector('.form-error').textContent).toBe(
      'Write feedback for the referrer: a decline without it leaves the loop open.',
    );
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('warns on generic feedback before saving, and saves only on a second, deliberate click', async () => {
    const element = await createInbox();
    const form = await startDecision(element, CONTOSO, 'decline');
    await type(form, 'lightning-combobox.reason', 'Customer too early in cloud journey');
    await type(form, 'lightning-textarea.feedback', 'Not the right fit at this time.');
    await save(form);

    expect(updateRecord).not.toHaveBeenCalled();
    expect(form.querySelector('.generic-warning').textContent).toContain(
      'This feedback reads as generic',
    );
    expect(form.querySelector('lightning-button.save').label).toBe('Save anyway');

    await save(form);
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: CONTOSO,
        Requested_Action__c: 'Decline',
        Decline_Reason__c: 'Customer too early in cloud journey',
        Feedback__c: 'Not the right fit at this time.',
      },
    });
  });

  it('checks edited feedback again, and saves specific feedback at once', async () => {
    const element = await createInbox();
    const form = await startDecision(element, CONTOSO, 'decline');
    await type(form, 'lightning-combobox.reason', 'Region or compliance not supported');
    await type(form, 'lightning-textarea.feedback', 'Not a fit.');
    await save(form);
    expect(form.querySelector('.generic-warning')).not.toBeNull();

    await type(
      form,
      'lightning-textarea.feedback',
      'Contoso needs EU data residency in Germany West Central; we only run in West Europe until Q3.',
    );
    expect(form.querySelector('.generic-warning')).toBeNull();
    expect(form.querySelector('lightning-button.save').label).toBe('Save: Decline');
    await save(form);
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord.mock.calls[0][0].fields.Decline_Reason__c).toBe(
      'Region or compliance not supported',
    );
  });

  it('assigns a referral to the picked user', async () => {
    const element = await createInbox();
    const form = await startDecision(element, 'a02Hs00000RefNwthA', 'assign');
    await save(form);
    expect(form.querySelector('.form-error').textContent).toBe(
      'Choose the person who will own this referral.',
    );

    await type(form, 'lightning-record-picker.owner-picker', '005Hs00000AllMgrAA', 'recordId');
    await save(form);
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: 'a02Hs00000RefNwthA',
        Requested_Action__c: 'Assign',
        OwnerId: '005Hs00000AllMgrAA',
      },
    });
  });

  it('closes the form on cancel without writing anything', async () => {
    const element = await createInbox();
    const form = await startDecision(element, CONTOSO, 'decline');
    form.querySelector('lightning-button.cancel').click();
    await flushPromises();
    expect(decisionForm(element, CONTOSO)).toBeNull();
    expect(row(element, CONTOSO).querySelector('lightning-button.decline')).not.toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('keeps the form open with the platform error when the save is rejected', async () => {
    updateRecord.mockRejectedValueOnce({
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [],
          fieldErrors: {
            Feedback__c: [{ message: 'A decline needs a reason category and feedback.' }],
          },
        },
      },
    });
    const element = await createInbox();
    const form = await startDecision(element, CONTOSO, 'accept');
    await save(form);
    expect(decisionForm(element, CONTOSO).querySelector('.form-error').textContent).toBe(
      'A decline needs a reason category and feedback.',
    );
    expect(refreshQuery).not.toHaveBeenCalled();
  });

  it('offers no actions to a user who cannot set the requested action', async () => {
    const info = clone(mockReferralInfo);
    info.fields.Requested_Action__c.updateable = false;
    const element = await createInbox({ info });
    expect(list(element).shadowRoot.querySelectorAll('lightning-button-group')).toHaveLength(0);
    expect(element.shadowRoot.querySelector('.read-only').textContent).toBe(
      'You can view referrals but not accept, decline or assign them.',
    );
    expect(rows(element)).toHaveLength(5);
  });

  it('hides decline and assign when the user cannot edit their fields', async () => {
    const info = clone(mockReferralInfo);
    info.fields.Decline_Reason__c.updateable = false;
    delete info.fields.OwnerId;
    const element = await createInbox({ info });
    const contoso = row(element, CONTOSO);
    expect(contoso.querySelector('lightning-button.accept')).not.toBeNull();
    expect(contoso.querySelector('lightning-button.decline')).toBeNull();
    expect(contoso.querySelector('lightning-button.assign')).toBeNull();
  });

  it('shows the GraphQL errors when the referrals cannot be read', async () => {
    const element = createElement('c-co-sell-inbox', { is: CoSellInbox });
    document.body.appendChild(element);
    graphql.emitErrors([
      { message: 'Field Referrer_Email__c is not accessible for CoSell_Referral__c' },
    ]);
    await flushPromises();
    expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot.querySelector('.load-error').textContent).toContain(
      'Field Referrer_Email__c is not accessible for CoSell_Referral__c',
    );
  });

  it('is accessible', async () => {
    const element = await createInbox();
    await startDecision(element, CONTOSO, 'decline');
    // sa11y refuses to run under fake timers.
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });
});
