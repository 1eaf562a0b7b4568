// lightning/uiRecordApi for the preview: the UI API's record resource over HTTP. A write or
// notifyRecordUpdateAvailable re-reads every getRecord wire showing that record, as LDS's cache would.
import { uiApi, wireAdapter } from 'lightning/orgConnection';

const recordWires = new Set();

function fieldNames(list) {
  return (list || []).map((field) =>
    typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`,
  );
}

async function loadRecord({ recordId, fields, optionalFields, layoutTypes, modes }) {
  const query = new URLSearchParams();
  if (fields) query.set('fields', fieldNames([].concat(fields)).join(','));
  if (optionalFields) query.set('optionalFields', fieldNames([].concat(optionalFields)).join(','));
  if (layoutTypes) query.set('layoutTypes', [].concat(layoutTypes).join(','));
  if (modes) query.set('modes', [].concat(modes).join(','));
  return uiApi(`/ui-api/records/${encodeURIComponent(recordId)}?${query}`);
}

export const getRecord = wireAdapter(loadRecord, {
  isReady: (config) => Boolean(config && config.recordId),
  onConnect: (wire) => recordWires.add(wire),
  onDisconnect: (wire) => recordWires.delete(wire),
});

/** Tells the wires showing these records to read them again; resolves when they have. */
export function notifyRecordUpdateAvailable(recordIds) {
  const ids = new Set(
    recordIds.map((entry) => (typeof entry === 'string' ? entry : entry.recordId)),
  );
  const refreshes = [...recordWires]
    .filter((wire) => wire.config && ids.has(wire.config.recordId))
    .map((wire) => wire.refresh());
  return Promise.all(refreshes).then(() => undefined);
}

function fieldApiName(field) {
  return typeof field === 'string'
    ? field.split('.').slice(1).join('.') || field
    : field.fieldApiName;
}

export function getFieldValue(record, field) {
  const path = fieldApiName(field).split('.');
  let node = record;
  for (const part of path) {
    node = node && node.fields ? node.fields[part] : undefined;
    if (!node) return undefined;
    if (part !== path[path.length - 1]) node = node.value;
  }
  return node.value;
}

export function getFieldDisplayValue(record, field) {
  const path = fieldApiName(field).split('.');
  let node = record;
  for (const part of path) {
    node = node && node.fields ? node.fields[part] : undefined;
    if (!node) return undefined;
    if (part !== path[path.length - 1]) node = node.value;
  }
  return node.displayValue === undefined ? null : node.displayValue;
}

export async function updateRecord(recordInput, clientOptions) {
  const { Id, ...fields } = recordInput.fields;
  const headers =
    clientOptions && clientOptions.ifUnmodifiedSince
      ? { ifUnmodifiedSince: clientOptions.ifUnmodifiedSince }
      : {};
  const record = await uiApi(`/ui-api/records/${encodeURIComponent(Id)}`, {
    method: 'PATCH',
    body: { fields, ...headers },
  });
  await notifyRecordUpdateAvailable([Id]);
  return record;
}

export async function createRecord(recordInput) {
  const record = await uiApi('/ui-api/records', {
    method: 'POST',
    body: { apiName: recordInput.apiName, fields: recordInput.fields },
  });
  return record;
}

export async function deleteRecord(recordId) {
  await uiApi(`/ui-api/records/${encodeURIComponent(recordId)}`, { method: 'DELETE' });
}

/** The recordInput LDS builds from a record: its createable or updateable fields only. */
export function generateRecordInputForUpdate(record, objectInfo) {
  const fields = { Id: record.id };
  Object.entries(record.fields).forEach(([name, entry]) => {
    if (!objectInfo || (objectInfo.fields[name] && objectInfo.fields[name].updateable))
      fields[name] = entry.value;
  });
  return { fields };
}

export function generateRecordInputForCreate(record, objectInfo) {
  const fields = {};
  Object.entries(record.fields || {}).forEach(([name, entry]) => {
    if (!objectInfo || (objectInfo.fields[name] && objectInfo.fields[name].createable))
      fields[name] = entry.value;
  });
  return { apiName: record.apiName, fields };
}
