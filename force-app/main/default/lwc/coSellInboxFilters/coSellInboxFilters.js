// The inbox's filter bar. It only offers the choices; the inbox owns the values and applies them.
import { LightningElement, api } from 'lwc';
import {
  CLOUDS,
  SOURCE_LAYERS,
  PRIORITIES,
  TRIAGE_STATUSES,
  INBOX_FILTER_ALL,
  INBOX_FILTER_OPEN,
  INBOX_FILTER_OPEN_LOOPS,
} from 'c/coSellUtils';

import allLabel from '@salesforce/label/c.CoSell_Common_All';
import cloudFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Cloud';
import layerFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Layer';
import priorityFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Priority';
import statusFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Status';
import openStatusLabel from '@salesforce/label/c.CoSell_Inbox_Status_Open';
import openLoopsStatusLabel from '@salesforce/label/c.CoSell_Inbox_Status_Open_Loops';

const ALL_OPTION = { label: allLabel, value: INBOX_FILTER_ALL };

function options(values) {
  return [ALL_OPTION, ...values.map((value) => ({ label: value, value }))];
}

export default class CoSellInboxFilters extends LightningElement {
  /** Names the group for assistive technology (the inbox's title). */
  @api groupLabel;
  @api cloud = INBOX_FILTER_ALL;
  @api layer = INBOX_FILTER_ALL;
  @api priority = INBOX_FILTER_ALL;
  @api status = INBOX_FILTER_OPEN;

  label = { cloudFilterLabel, layerFilterLabel, priorityFilterLabel, statusFilterLabel };

  cloudOptions = options(CLOUDS);
  layerOptions = options(SOURCE_LAYERS);
  priorityOptions = options(PRIORITIES);
  statusOptions = [
    { label: openStatusLabel, value: INBOX_FILTER_OPEN },
    { label: openLoopsStatusLabel, value: INBOX_FILTER_OPEN_LOOPS },
    ...options(TRIAGE_STATUSES),
  ];

  handleChange(event) {
    // detail.filter names the filter as the combobox's data-filter does: cloudFilter, layerFilter, ...
    this.dispatchEvent(
      new CustomEvent('filterchange', {
        detail: { filter: event.target.dataset.filter, value: event.detail.value },
      }),
    );
  }
}
