// The list draws the referrals it is given, opens one decision form at a time and passes the
// form's outcome up to the inbox.
import { createElement } from 'lwc';
import CoSellInboxList from 'c/coSellInboxList';

const NOW = Date.parse('2026-11-26T09:00:00Z');

const referral = (id, customerName, extra = {}) => ({
  id,
  title: `Opportunity for ${customerName}`,
  cloud: 'AWS',
  customerName,
  sourceLayer: 'Account Team',
  priority: 'High',
  responseDue: '2026-11-26T11:30:00Z',
  triageStatus: 'New',
  feedbackLoopOpen: false,
  requestedAction: null,
  referrerName: 'Dana Reyes',
  ownerName: null,
  ...extra,
});

const REFERRALS = [
  referral('a02A', 'Globex', { responseDue: '2026-11-26T08:00:00Z' }),
  referral('a02B', 'Initech', { requestedAction: 'Accept' }),
  referral('a02C', 'Hooli', { triageStatus: 'Declined' }),
];

const flushPromises = () => Promise.resolve();

function create(props = {}) {
  const element = createElement('c-co-sell-inbox-list', { is: CoSellInboxList });
  Object.assign(element, {
    referrals: REFERRALS,
    now: NOW,
    canAct: true,
    canDecline: true,
    canAssign: false,
    ...props,
  });
  document.body.appendChild(element);
  return element;
}

const row = (element, id) => element.shadowRoot.querySelector(`li.referral[data-id="${id}"]`);
const decision = (element, id) => row(element, id).querySelector('c-co-sell-referral-decision');

describe('c-co-sell-inbox-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('draws each referral in the order given, with its clock and the actions the user may take', () => {
    const element = create();
    const ids = [...element.shadowRoot.querySelectorAll('li.referral')].map((li) => li.dataset.id);
    expect(ids).toEqual(['a02A', 'a02B', 'a02C']);
    expect(row(element, 'a02A').querySelector('.sla').textContent).toBe('Overdue by 1 h');
    expect(row(element, 'a02A').classList.contains('overdue')).toBe(true);
    expect(row(element, 'a02A').querySelector('lightning-button.decline')).not.toBeNull();
    expect(row(element, 'a02A').querySelector('lightning-button.assign')).toBeNull();
    // Pending and decided referrals offer nothing to do.
    expect(row(element, 'a02B').querySelector('lightning-button-group')).toBeNull();
    expect(row(element, 'a02C').querySelector('.sla').textContent).toBe('Declined');
    expect(row(element, 'a02C').querySelector('lightning-button-group')).toBeNull();
  });

  it('offers no actions without the right to set the requested action', () => {
    const element = create({ canAct: false });
    expect(element.shadowRoot.querySelectorAll('lightning-button-group')).toHaveLength(0);
  });

  it('opens the decision form for the chosen referral and action, and closes it on cancel', async () => {
    const element = create({
      declineReasonOptions: [
        { label: 'Below commercial threshold', value: 'Below commercial threshold' },
      ],
    });
    row(element, 'a02A').querySelector('lightning-button.decline').click();
    await flushPromises();
    const form = decision(element, 'a02A');
    expect(form.decision).toBe('Decline');
    expect(form.referral.id).toBe('a02A');
    expect(form.declineReasonOptions).toHaveLength(1);
    expect(row(element, 'a02A').querySelector('lightning-button-group')).toBeNull();

    form.dispatchEvent(new CustomEvent('cancel'));
    await flushPromises();
    expect(decision(element, 'a02A')).toBeNull();
    expect(row(element, 'a02A').querySelector('lightning-button.accept')).not.toBeNull();
  });

  it('closes the form once decided and tells the inbox', async () => {
    const element = create();
    const handler = jest.fn();
    element.addEventListener('decided', handler);
    row(element, 'a02A').querySelector('lightning-button.accept').click();
    await flushPromises();
    decision(element, 'a02A').dispatchEvent(
      new CustomEvent('decided', { detail: { id: 'a02A', decision: 'Accept' } }),
    );
    await flushPromises();
    expect(handler.mock.calls[0][0].detail).toEqual({ id: 'a02A', decision: 'Accept' });
    expect(decision(element, 'a02A')).toBeNull();
  });

  it('keeps the form the user has since opened on another referral when an earlier save completes', async () => {
    const element = create({ referrals: [...REFERRALS, referral('a02D', 'Umbrella')] });
    const handler = jest.fn();
    element.addEventListener('decided', handler);
    row(element, 'a02A').querySelector('lightning-button.decline').click();
    await flushPromises();
    const saving = decision(element, 'a02A');
    // While that save is still on its way, the user moves on to the next referral.
    row(element, 'a02D').querySelector('lightning-button.accept').click();
    await flushPromises();
    expect(decision(element, 'a02A')).toBeNull();
    saving.dispatchEvent(
      new CustomEvent('decided', { detail: { id: 'a02A', decision: 'Decline' } }),
    );
    await flushPromises();
    expect(handler.mock.calls[0][0].detail).toEqual({ id: 'a02A', decision: 'Decline' });
    expect(decision(element, 'a02D').decision).toBe('Accept');
  });
});
