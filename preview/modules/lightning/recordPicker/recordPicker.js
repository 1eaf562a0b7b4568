// Stand-in for lightning-record-picker: searches the object's records by name through the UI API
// GraphQL endpoint and fires change with { recordId } as the platform documents.
import { LightningElement, api } from 'lwc';
import { uiApi } from 'lightning/orgConnection';

export default class RecordPicker extends LightningElement {
  @api label;
  @api objectApiName;
  @api placeholder = 'Search...';
  @api required = false;
  @api disabled = false;
  @api variant = 'standard';
  selected = null;

  @api
  get value() {
    return this.selected;
  }
  set value(value) {
    this.selected = value || null;
  }

  options = [];
  loaded = false;

  connectedCallback() {
    this.search();
  }

  // Names are few in the local org, so the picker lists them all and lets the combobox filter.
  async search() {
    const query = `query picker { uiapi { query { ${this.objectApiName}(first: 200, orderBy: { Name: { order: ASC } }) { edges { node { Id Name { value } } } } } } }`;
    const answer = await uiApi('/graphql', { method: 'POST', body: { query, variables: {} } });
    const edges = answer && answer.data ? answer.data.uiapi.query[this.objectApiName].edges : [];
    this.options = edges.map((edge) => ({ label: edge.node.Name.value, value: edge.node.Id }));
    this.loaded = true;
  }

  get searching() {
    return !this.loaded;
  }

  get comboboxValue() {
    return this.selected || '';
  }

  @api
  checkValidity() {
    return !this.required || Boolean(this.selected);
  }

  @api
  reportValidity() {
    const combobox = this.template.querySelector('lightning-combobox');
    return combobox ? combobox.reportValidity() : this.checkValidity();
  }

  handleChange(event) {
    event.stopPropagation();
    this.selected = event.detail.value || null;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.selected } }));
  }
}
