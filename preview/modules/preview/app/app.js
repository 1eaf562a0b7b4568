// The preview's page shell: a Lightning-style header with the app's pages, the page's component,
// and the toasts the components raise with ShowToastEvent.
import { LightningElement, api } from 'lwc';
import { uiApi, personas } from 'lightning/orgConnection';

const TOAST_MS = 6000;
const TOAST_ICONS = {
  success: 'utility:success',
  error: 'utility:error',
  warning: 'utility:warning',
  info: 'utility:info',
};

export default class App extends LightningElement {
  @api page;
  @api recordId;

  toasts = [];
  opportunities;
  indexError;
  toastSequence = 0;

  connectedCallback() {
    this.template.addEventListener('lightning__showtoast', this.handleToast);
    if (this.isIndex) this.loadOpportunities();
  }

  get isIndex() {
    return this.page === 'index';
  }
  get isOpportunity() {
    return this.page === 'opportunity';
  }
  get isInbox() {
    return this.page === 'inbox';
  }
  get isAttribution() {
    return this.page === 'attribution';
  }
  // Links that reload this page as another persona (the server remembers the choice).
  get personaLinks() {
    const path = typeof window !== 'undefined' ? window.location.pathname : '/lightning';
    return personas.all.map((persona) => ({
      key: persona.key,
      text: `${persona.label} (${persona.name})`,
      url: `${path}?as=${encodeURIComponent(persona.key)}`,
      current: persona.key === personas.current ? 'page' : undefined,
    }));
  }
  get hasPersonas() {
    return personas.all.length > 1;
  }
  get hasToasts() {
    return this.toasts.length > 0;
  }

  async loadOpportunities() {
    const query = `query previewIndex { uiapi { query { Opportunity(first: 200, orderBy: { Name: { order: ASC } }) {
            edges { node { Id Name { value } StageName { value } CoSell_Clouds__c { value } } } } } } }`;
    try {
      const answer = await uiApi('/graphql', { method: 'POST', body: { query, variables: {} } });
      if (answer.errors && answer.errors.length)
        throw new Error(answer.errors.map((e) => e.message).join(' '));
      this.opportunities = answer.data.uiapi.query.Opportunity.edges.map(({ node }) => ({
        id: node.Id,
        name: node.Name.value,
        stage: node.StageName ? node.StageName.value : '',
        clouds:
          node.CoSell_Clouds__c && node.CoSell_Clouds__c.value
            ? node.CoSell_Clouds__c.value.split(';').join(', ')
            : '',
        url: `/lightning/opportunity/${encodeURIComponent(node.Id)}`,
      }));
    } catch (error) {
      this.indexError = error.message;
    }
  }

  handleToast = (event) => {
    const { title, message, variant = 'info' } = event.detail || {};
    const key = ++this.toastSequence;
    this.toasts = [
      ...this.toasts,
      {
        key,
        title,
        message,
        variant,
        icon: TOAST_ICONS[variant] || TOAST_ICONS.info,
        css: `slds-notify slds-notify_toast slds-theme_${variant}`,
      },
    ];
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- toasts close themselves, as the platform's do
    setTimeout(() => (this.toasts = this.toasts.filter((toast) => toast.key !== key)), TOAST_MS);
  };

  handleCloseToast(event) {
    const key = Number(event.currentTarget.dataset.key);
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }
}
