// The decision form checks what a decision needs before it writes Requested_Action__c and the
// decision's fields, and reports the outcome to the list.
import { createElement } from 'lwc';
import CoSellReferralDecision from 'c/coSellReferralDecision';
import { updateRecord } from 'lightning/uiRecordApi';

const REFERRAL = {
  id: 'a02Hs00000RefCntsA',
  customerName: 'Contoso Pharma',
  title: 'Clinical data platform',
};
const flushPromises = () => Promise.resolve();

function create(decision) {
  const element = createElement('c-co-sell-referral-decision', { is: CoSellReferralDecision });
  Object.assign(element, {
    referral: REFERRAL,
    decision,
    declineReasonOptions: [
      { label: 'Below commercial threshold', value: 'Below commercial threshold' },
    ],
  });
  document.body.appendChild(element);
  return element;
}

const find = (element, selector) => element.shadowRoot.querySelector(selector);

async function change(element, selector, detail) {
  find(element, selector).dispatchEvent(new CustomEvent('change', { detail }));
  await flushPromises();
}

async function save(element) {
  find(element, 'lightning-button.save').click();
  await flushPromises();
  await flushPromises();
}

describe('c-co-sell-referral-decision', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for what each decision needs, and names the referral for assistive technology', () => {
    const decline = create('Decline');
    expect(find(decline, '.decision').getAttribute('aria-label')).toBe(
      'Contoso Pharma Clinical data platform',
    );
    expect(find(decline, 'lightning-combobox.reason')).not.toBeNull();
    expect(find(decline, 'lightning-textarea.feedback').required).toBe(true);
    expect(find(decline, 'lightning-button.save').label).toBe('Save: Decline');

    const assign = create('Assign');
    expect(find(assign, 'lightning-record-picker.owner-picker')).not.toBeNull();
    expect(find(assign, 'lightning-textarea.feedback')).toBeNull();
  });

  it('refuses an assignment without a new owner, then writes the owner and reports the decision', async () => {
    const element = create('Assign');
    const decided = jest.fn();
    element.addEventListener('decided', decided);
    await save(element);
    expect(find(element, '.form-error').textContent).toBe(
      'Choose the person who will own this referral.',
    );
    expect(updateRecord).not.toHaveBeenCalled();

    await change(element, 'lightning-record-picker.owner-picker', {
      recordId: '005Hs00000AllMgrAA',
    });
    await save(element);
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: REFERRAL.id, Requested_Action__c: 'Assign', OwnerId: '005Hs00000AllMgrAA' },
    });
    expect(decided.mock.calls[0][0].detail).toEqual({ id: REFERRAL.id, decision: 'Assign' });
  });

  it('reports no decision when the save is rejected', async () => {
    updateRecord.mockRejectedValueOnce({
      body: { message: 'Insufficient access rights on object id' },
    });
    const element = create('Accept');
    const decided = jest.fn();
    element.addEventListener('decided', decided);
    await save(element);
    expect(find(element, '.form-error').textContent).toBe(
      'Insufficient access rights on object id',
    );
    expect(decided).not.toHaveBeenCalled();
  });

  it('asks the list to close it on cancel, writing nothing', () => {
    const element = create('Decline');
    const cancel = jest.fn();
    element.addEventListener('cancel', cancel);
    find(element, 'lightning-button.cancel').click();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(updateRecord).not.toHaveBeenCalled();
  });
});
