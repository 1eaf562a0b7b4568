// Stand-in for the platform's lightning-record-edit-form (not in the npm package): loads the record
// and object-info through the preview's UI API modules, hands them to its input and output fields,
// and on a submit button click fires submit, then success or error, as the platform documents.
import { LightningElement, api } from 'lwc';
import { loadObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { uiApi } from 'lightning/orgConnection';

export default class RecordEditForm extends LightningElement {
  @api recordId;
  @api objectApiName;
  @api recordTypeId;

  fields = new Set();
  messageAreas = new Set();
  objectInfo;
  record;

  connectedCallback() {
    this.addEventListener('cosellpreview_registerfield', this.handleRegister);
    this.addEventListener('cosellpreview_registermessages', this.handleRegisterMessages);
    this.addEventListener('click', this.handleClick);
    this.load();
  }

  handleRegister = (event) => {
    event.stopPropagation();
    const field = event.detail;
    this.fields.add(field);
    field.unregister = () => this.fields.delete(field);
    this.feed(field);
    // A field added after the record was read needs its value.
    if (this.record && this.recordId && !(field.fieldName in this.record.fields)) this.load();
  };

  handleRegisterMessages = (event) => {
    event.stopPropagation();
    const area = event.detail;
    this.messageAreas.add(area);
    area.unregister = () => this.messageAreas.delete(area);
  };

  async load() {
    try {
      this.objectInfo = await loadObjectInfo(this.objectApiName);
      if (this.recordId) {
        const names = [...this.fields].map((field) => `${this.objectApiName}.${field.fieldName}`);
        const query = new URLSearchParams({ optionalFields: names.join(',') });
        this.record = await uiApi(`/ui-api/records/${encodeURIComponent(this.recordId)}?${query}`);
      }
      this.fields.forEach((field) => this.feed(field));
      this.dispatchEvent(
        new CustomEvent('load', {
          detail: {
            objectInfos: { [this.objectApiName]: this.objectInfo },
            records: this.record ? { [this.record.id]: this.record } : {},
          },
        }),
      );
    } catch (error) {
      this.showError(error);
    }
  }

  feed(field) {
    if (!this.objectInfo) return;
    const entry = this.record && this.record.fields[field.fieldName];
    field.setContext({
      fieldInfo: this.objectInfo.fields[field.fieldName],
      objectApiName: this.objectApiName,
      recordTypeId:
        this.recordTypeId ||
        (this.record && this.record.recordTypeId) ||
        this.objectInfo.defaultRecordTypeId,
      value: entry ? entry.value : null,
      displayValue: entry ? entry.displayValue : null,
    });
  }

  handleClick = (event) => {
    const target = event.target;
    if (
      target &&
      target.tagName === 'LIGHTNING-BUTTON' &&
      target.type === 'submit' &&
      !target.disabled
    ) {
      event.preventDefault();
      this.submit();
    }
  };

  /** The documented method: save these fields (or the fields' current values) without a submit event. */
  @api
  async submit(fields) {
    if (!fields) {
      fields = {};
      [...this.fields]
        .filter((field) => field.editable())
        .forEach((field) => {
          fields[field.fieldName] = field.value();
        });
      const submitEvent = new CustomEvent('submit', { cancelable: true, detail: { fields } });
      this.dispatchEvent(submitEvent);
      if (submitEvent.defaultPrevented) return;
    }
    this.messageAreas.forEach((area) => area.show([]));
    try {
      const record = this.recordId
        ? await updateRecord({ fields: { Id: this.recordId, ...fields } })
        : await createRecord({ apiName: this.objectApiName, fields });
      this.record = record;
      this.fields.forEach((field) => this.feed(field));
      this.dispatchEvent(new CustomEvent('success', { detail: record }));
    } catch (error) {
      this.showError(error);
    }
  }

  showError(error) {
    const body = Array.isArray(error && error.body)
      ? error.body
      : [{ message: error && error.message ? error.message : String(error) }];
    const fieldErrors = {};
    const errors = [];
    body.forEach((entry) => {
      if (entry.fields && entry.fields.length) {
        entry.fields.forEach(
          (name) =>
            (fieldErrors[name] = [
              ...(fieldErrors[name] || []),
              { errorCode: entry.errorCode, message: entry.message, field: name },
            ]),
        );
      } else {
        errors.push({ errorCode: entry.errorCode, message: entry.message });
      }
    });
    const messages = body.map((entry) => entry.message).filter(Boolean);
    this.messageAreas.forEach((area) => area.show(messages));
    this.fields.forEach((field) =>
      field.setError(
        fieldErrors[field.fieldName]
          ? fieldErrors[field.fieldName].map((e) => e.message).join(' ')
          : '',
      ),
    );
    this.dispatchEvent(
      new CustomEvent('error', {
        detail: {
          message: messages.join(' ') || 'The record could not be saved.',
          detail: messages.join(' '),
          output: { errors, fieldErrors },
        },
      }),
    );
  }
}
