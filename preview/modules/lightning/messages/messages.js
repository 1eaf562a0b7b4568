// Stand-in for lightning-messages: shows the enclosing record-edit-form's save errors.
import { LightningElement } from 'lwc';

export default class Messages extends LightningElement {
  messages = [];

  connectedCallback() {
    const registration = {
      show: (messages) => (this.messages = messages.map((text, index) => ({ key: index, text }))),
    };
    this.registration = registration;
    this.dispatchEvent(
      new CustomEvent('cosellpreview_registermessages', {
        bubbles: true,
        composed: true,
        detail: registration,
      }),
    );
  }

  disconnectedCallback() {
    if (this.registration && this.registration.unregister) this.registration.unregister();
  }

  get hasMessages() {
    return this.messages.length > 0;
  }
}
