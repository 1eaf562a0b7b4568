// lightning/platformShowToastEvent for the preview: the platform's event; the page shell shows it.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { ...toast },
    });
  }
}
