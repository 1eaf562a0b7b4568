// lightning/uiObjectInfoApi for the preview: object-info and picklist-values from the UI API, read
// once per page like LDS's cache.
import { uiApi, wireAdapter } from 'lightning/orgConnection';

const cache = new Map();

function once(path) {
  if (!cache.has(path)) {
    cache.set(
      path,
      uiApi(path).catch((error) => {
        cache.delete(path);
        throw error;
      }),
    );
  }
  return cache.get(path);
}

function objectName(value) {
  return typeof value === 'string' ? value : value && value.objectApiName;
}

export const getObjectInfo = wireAdapter(
  (config) => once(`/ui-api/object-info/${objectName(config.objectApiName)}`),
  {
    isReady: (config) => Boolean(config && objectName(config.objectApiName)),
  },
);

export const getObjectInfos = wireAdapter(
  (config) => uiApi(`/ui-api/object-info/batch/${config.objectApiNames.map(objectName).join(',')}`),
  { isReady: (config) => Boolean(config && config.objectApiNames && config.objectApiNames.length) },
);

export const getPicklistValues = wireAdapter(
  ({ recordTypeId, fieldApiName }) =>
    once(
      `/ui-api/object-info/${fieldApiName.objectApiName}/picklist-values/${recordTypeId}/${fieldApiName.fieldApiName}`,
    ),
  { isReady: (config) => Boolean(config && config.recordTypeId && config.fieldApiName) },
);

export const getPicklistValuesByRecordType = wireAdapter(
  ({ objectApiName, recordTypeId }) =>
    once(`/ui-api/object-info/${objectName(objectApiName)}/picklist-values/${recordTypeId}`),
  { isReady: (config) => Boolean(config && config.recordTypeId && config.objectApiName) },
);

/** For the stand-in form components, which read object-info outside a wire. */
export function loadObjectInfo(objectApiName) {
  return once(`/ui-api/object-info/${objectName(objectApiName)}`);
}

export function loadPicklistValues(objectApiName, recordTypeId, fieldApiName) {
  return once(
    `/ui-api/object-info/${objectApiName}/picklist-values/${recordTypeId}/${fieldApiName}`,
  );
}
