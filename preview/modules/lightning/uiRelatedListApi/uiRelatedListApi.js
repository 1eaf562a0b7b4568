// lightning/uiRelatedListApi for the preview: the UI API's related-list-records resource.
import { uiApi, wireAdapter } from 'lightning/orgConnection';

function names(list) {
  return (list || []).map((field) =>
    typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`,
  );
}

export const getRelatedListRecords = wireAdapter(
  ({ parentRecordId, relatedListId, fields, optionalFields, pageSize, sortBy, where }) => {
    const query = new URLSearchParams();
    if (fields) query.set('fields', names(fields).join(','));
    if (optionalFields) query.set('optionalFields', names(optionalFields).join(','));
    if (pageSize) query.set('pageSize', String(pageSize));
    if (sortBy) query.set('sortBy', [].concat(sortBy).join(','));
    if (where) query.set('where', where);
    return uiApi(
      `/ui-api/related-list-records/${encodeURIComponent(parentRecordId)}/${encodeURIComponent(relatedListId)}?${query}`,
    );
  },
  { isReady: (config) => Boolean(config && config.parentRecordId && config.relatedListId) },
);
