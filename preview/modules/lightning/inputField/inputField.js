// Stand-in for lightning-input-field: renders the base component the field's UI API data type calls
// for (combobox, dual-listbox, textarea, checkbox, number, date...) inside a record-edit-form, and
// fires change with { value } as the platform documents.
import { LightningElement, api } from 'lwc';
import { loadPicklistValues } from 'lightning/uiObjectInfoApi';

const NUMBER_TYPES = ['Currency', 'Double', 'Int', 'Percent', 'Long'];
const INPUT_TYPES = {
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time',
  Email: 'email',
  Phone: 'tel',
  Url: 'url',
};

export default class InputField extends LightningElement {
  @api fieldName;
  @api disabled = false;
  @api required = false;
  @api variant = 'standard';

  fieldInfo;
  current = null;
  options = [];
  errorText = '';

  @api
  get value() {
    return this.current;
  }
  set value(value) {
    this.current = value;
  }

  connectedCallback() {
    this.registration = {
      fieldName: this.fieldName,
      setContext: (context) => this.setContext(context),
      setError: (text) => (this.errorText = text),
      editable: () => Boolean(this.fieldInfo && !this.disabled),
      value: () => this.current,
    };
    this.dispatchEvent(
      new CustomEvent('cosellpreview_registerfield', {
        bubbles: true,
        composed: true,
        detail: this.registration,
      }),
    );
  }

  disconnectedCallback() {
    if (this.registration.unregister) this.registration.unregister();
  }

  async setContext({ fieldInfo, objectApiName, recordTypeId, value }) {
    this.fieldInfo = fieldInfo;
    this.current = value;
    if (
      fieldInfo &&
      (fieldInfo.dataType === 'Picklist' || fieldInfo.dataType === 'MultiPicklist') &&
      recordTypeId
    ) {
      const picklist = await loadPicklistValues(objectApiName, recordTypeId, this.fieldName);
      this.options = picklist.values.map((entry) => ({ label: entry.label, value: entry.value }));
    }
  }

  get label() {
    return this.fieldInfo ? this.fieldInfo.label : this.fieldName;
  }
  get isRequired() {
    return (
      this.required ||
      Boolean(this.fieldInfo && this.fieldInfo.required && this.fieldInfo.dataType !== 'Boolean')
    );
  }
  get type() {
    return this.fieldInfo ? this.fieldInfo.dataType : null;
  }
  get isPicklist() {
    return this.type === 'Picklist';
  }
  get isMultiPicklist() {
    return this.type === 'MultiPicklist';
  }
  get isTextArea() {
    return this.type === 'TextArea';
  }
  get isBoolean() {
    return this.type === 'Boolean';
  }
  get isInput() {
    return (
      Boolean(this.type) &&
      !this.isPicklist &&
      !this.isMultiPicklist &&
      !this.isTextArea &&
      !this.isBoolean
    );
  }
  get inputType() {
    if (NUMBER_TYPES.includes(this.type)) return 'number';
    return INPUT_TYPES[this.type] || 'text';
  }
  get step() {
    return this.fieldInfo && this.fieldInfo.scale ? String(10 ** -this.fieldInfo.scale) : '1';
  }
  get formatter() {
    if (this.type === 'Currency') return 'currency';
    if (this.type === 'Percent') return 'percent-fixed';
    return undefined;
  }
  get maxLength() {
    return this.fieldInfo && this.fieldInfo.length ? this.fieldInfo.length : undefined;
  }
  get multiValue() {
    return this.current ? String(this.current).split(';') : [];
  }
  get checked() {
    return this.current === true;
  }
  get comboboxValue() {
    return this.current === null || this.current === undefined ? '' : this.current;
  }

  // The base components' own change events bubble and are composed: stop them so the form's
  // owner gets exactly one change, this field's.
  handleChange(event) {
    event.stopPropagation();
    let value = event.detail ? event.detail.value : event.target.value;
    if (this.isMultiPicklist) value = value && value.length ? value.join(';') : null;
    else if (this.isBoolean) value = event.detail.checked;
    else if (this.inputType === 'number')
      value = value === '' || value === null ? null : Number(value);
    else if (value === '') value = null;
    this.current = value;
    this.errorText = '';
    this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }
}
