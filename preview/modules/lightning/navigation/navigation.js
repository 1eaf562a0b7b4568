// lightning/navigation for the preview: page references become the preview's own URLs.
const NAVIGATE = Symbol('Navigate');
const GENERATE_URL = Symbol('GenerateUrl');

/** The preview URL of a page reference (record pages and the two co-sell app pages). */
export function urlOf(pageReference) {
  const { type, attributes = {} } = pageReference || {};
  if (type === 'standard__recordPage' && attributes.recordId) {
    return `/lightning/${(attributes.objectApiName || 'opportunity').toLowerCase()}/${encodeURIComponent(attributes.recordId)}`;
  }
  if (type === 'standard__navItemPage' && attributes.apiName) {
    return `/lightning/${attributes.apiName.replace(/^CoSell_/, '').toLowerCase()}`;
  }
  if (type === 'standard__webPage' && attributes.url) return attributes.url;
  return '/lightning';
}

export function NavigationMixin(Base) {
  return class extends Base {
    [NAVIGATE](pageReference, replace) {
      const url = urlOf(pageReference);
      if (replace) window.location.replace(url);
      else window.location.assign(url);
    }
    [GENERATE_URL](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
}
NavigationMixin.Navigate = NAVIGATE;
NavigationMixin.GenerateUrl = GENERATE_URL;

export const CurrentPageReference = class {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    const [, , objectOrApp, recordId] = window.location.pathname.split('/');
    this.dataCallback(
      recordId
        ? {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: objectOrApp, actionName: 'view' },
            state: {},
          }
        : { type: 'standard__navItemPage', attributes: { apiName: objectOrApp }, state: {} },
    );
  }
  update() {}
  disconnect() {}
};
