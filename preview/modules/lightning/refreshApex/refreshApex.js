// @salesforce/apex's refreshApex for the preview: re-runs whichever preview wire gave the value.
import { refreshWiredValue } from 'lightning/orgConnection';

export function refreshApex(wiredValue) {
  return refreshWiredValue(wiredValue);
}

export function getSObjectValue(record, field) {
  return record ? record[typeof field === 'string' ? field : field.fieldApiName] : undefined;
}
