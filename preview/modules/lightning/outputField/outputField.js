// Stand-in for lightning-output-field: the field's label and the UI API's display value, inside a
// record-edit-form.
import { LightningElement, api } from 'lwc';

export default class OutputField extends LightningElement {
  @api fieldName;
  @api variant = 'standard';

  fieldInfo;
  text = '';

  connectedCallback() {
    this.registration = {
      fieldName: this.fieldName,
      setContext: ({ fieldInfo, value, displayValue }) => {
        this.fieldInfo = fieldInfo;
        const shown = displayValue !== null && displayValue !== undefined ? displayValue : value;
        this.text =
          shown === null || shown === undefined ? '' : String(shown).split(';').join(', ');
      },
      setError: () => {},
      editable: () => false,
      value: () => undefined,
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

  get label() {
    return this.fieldInfo ? this.fieldInfo.label : this.fieldName;
  }
  get showLabel() {
    return this.variant !== 'label-hidden';
  }
}
