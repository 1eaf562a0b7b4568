// The co-sell panel's test harness, shared by its test files: the panel on the sample Opportunity,
// its LDS wires emitted from the JSON in data/, and lookups into what it renders.
import { createElement } from 'lwc';
import CoSellPanel from 'c/coSellPanel';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

export const mockOpportunity = require('./data/getRecord.json');
export const mockOpportunityInfo = require('./data/getObjectInfoOpportunity.json');
export const mockEngagementInfo = require('./data/getObjectInfoEngagement.json');
export const mockEngagements = require('./data/getRelatedListRecords.json');

export const RECORD_ID = mockOpportunity.id;

export const flushPromises = () => Promise.resolve();

export function isInfoFor(objectApiName) {
  return (config) => {
    const name = config.objectApiName;
    return (name && name.objectApiName ? name.objectApiName : name) === objectApiName;
  };
}

export function clone(json) {
  return JSON.parse(JSON.stringify(json));
}

export function createPanel() {
  const element = createElement('c-co-sell-panel', { is: CoSellPanel });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  return element;
}

export async function emitAll(element, overrides = {}) {
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

export function card(element, cloud) {
  return element.shadowRoot.querySelector(`li.cloud-card[data-cloud="${cloud}"]`);
}

export function withEngagement(fields) {
  const list = clone(mockEngagements);
  Object.entries(fields).forEach(([field, value]) => {
    list.records[0].fields[field] = { displayValue: null, value };
  });
  return list;
}

/** Removes every panel and resets the mocks and timers between tests. */
export function cleanUp() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.useRealTimers();
}
