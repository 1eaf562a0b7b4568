// The filter bar offers the picklist values and reports each change; it applies nothing itself.
import { createElement } from 'lwc';
import CoSellInboxFilters from 'c/coSellInboxFilters';

function create(props = {}) {
  const element = createElement('c-co-sell-inbox-filters', { is: CoSellInboxFilters });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const combobox = (element, filter) =>
  element.shadowRoot.querySelector(`lightning-combobox[data-filter="${filter}"]`);

describe('c-co-sell-inbox-filters', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('offers every cloud, layer, priority and status, with All first and open referrals by default', () => {
    const element = create({ groupLabel: 'Co-Sell Referral Inbox' });
    expect(element.shadowRoot.querySelector('[role="group"]').getAttribute('aria-label')).toBe(
      'Co-Sell Referral Inbox',
    );
    expect(combobox(element, 'cloudFilter').options.map((o) => o.value)).toEqual([
      '',
      'AWS',
      'Microsoft',
      'Google',
    ]);
    expect(combobox(element, 'layerFilter').options).toHaveLength(6);
    expect(combobox(element, 'priorityFilter').options.map((o) => o.value)).toEqual([
      '',
      'Urgent',
      'High',
      'Standard',
    ]);
    const status = combobox(element, 'statusFilter');
    expect(status.value).toBe('Open');
    expect(status.options.map((o) => o.value)).toEqual([
      'Open',
      'OpenLoops',
      '',
      'New',
      'Assigned',
      'Accepted',
      'Declined',
      'Expired',
    ]);
  });

  it('shows the values it is given', () => {
    const element = create({
      cloud: 'Google',
      layer: 'Specialist',
      priority: 'High',
      status: 'Declined',
    });
    expect(combobox(element, 'cloudFilter').value).toBe('Google');
    expect(combobox(element, 'layerFilter').value).toBe('Specialist');
    expect(combobox(element, 'priorityFilter').value).toBe('High');
    expect(combobox(element, 'statusFilter').value).toBe('Declined');
  });

  it('reports a change as filterchange with the filter and its new value', () => {
    const element = create();
    const handler = jest.fn();
    element.addEventListener('filterchange', handler);
    combobox(element, 'priorityFilter').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Urgent' } }),
    );
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ filter: 'priorityFilter', value: 'Urgent' });
  });
});
