// One decision on one referral: accept (optional note), decline (reason and feedback, generic
// feedback held back once) or assign (a new owner). Saving writes Requested_Action__c and the
// decision's fields; the co-sell service carries it to the portal and closes the loop.
import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { isGenericFeedback, formatLabel, describeError } from 'c/coSellUtils';

import cancelLabel from '@salesforce/label/c.CoSell_Inbox_Cancel';
import saveLabel from '@salesforce/label/c.CoSell_Inbox_Save';
import saveAnywayLabel from '@salesforce/label/c.CoSell_Inbox_Save_Anyway';
import reasonLabel from '@salesforce/label/c.CoSell_Inbox_Decline_Reason';
import feedbackLabel from '@salesforce/label/c.CoSell_Inbox_Feedback';
import feedbackHelpLabel from '@salesforce/label/c.CoSell_Inbox_Feedback_Help';
import reasonRequiredLabel from '@salesforce/label/c.CoSell_Inbox_Reason_Required';
import feedbackRequiredLabel from '@salesforce/label/c.CoSell_Inbox_Feedback_Required';
import genericWarningLabel from '@salesforce/label/c.CoSell_Inbox_Generic_Warning';
import newOwnerLabel from '@salesforce/label/c.CoSell_Inbox_New_Owner';
import ownerRequiredLabel from '@salesforce/label/c.CoSell_Inbox_Owner_Required';
import requestedLabel from '@salesforce/label/c.CoSell_Inbox_Requested';

export default class CoSellReferralDecision extends LightningElement {
  /** The referral decided on: id, customerName and title (and the name/subject the feedback check reads). */
  @api referral;
  /** Accept, Decline or Assign: the Requested_Action__c value the save writes. */
  @api decision;
  @api declineReasonOptions = [];

  label = {
    cancelLabel,
    reasonLabel,
    feedbackLabel,
    feedbackHelpLabel,
    genericWarningLabel,
    newOwnerLabel,
  };

  // What the user has typed so far; a new decision is a new form.
  declineReason;
  feedback = '';
  newOwnerId;
  formError;
  genericWarningShown = false;
  saving = false;

  get groupLabel() {
    return this.referral
      ? [this.referral.customerName, this.referral.title].filter(Boolean).join(' ')
      : '';
  }

  get isDecline() {
    return this.decision === 'Decline';
  }

  get isAssign() {
    return this.decision === 'Assign';
  }

  get showFeedback() {
    return this.decision === 'Accept' || this.decision === 'Decline';
  }

  get saveButtonLabel() {
    return this.genericWarningShown ? saveAnywayLabel : formatLabel(saveLabel, this.decision);
  }

  handleReasonChange(event) {
    this.declineReason = event.detail.value;
  }

  handleFeedbackChange(event) {
    this.feedback = event.detail.value;
    // Changed text deserves a fresh check before it is saved.
    this.genericWarningShown = false;
  }

  handleOwnerChange(event) {
    this.newOwnerId = event.detail.recordId;
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  // What the decision writes, or the reason it cannot be saved yet.
  decisionFields() {
    const feedback = (this.feedback || '').trim();
    if (this.decision === 'Assign') {
      if (!this.newOwnerId) {
        return { problem: ownerRequiredLabel };
      }
      return { fields: { OwnerId: this.newOwnerId } };
    }
    if (this.decision === 'Decline') {
      if (!this.declineReason) {
        return { problem: reasonRequiredLabel };
      }
      if (!feedback) {
        return { problem: feedbackRequiredLabel };
      }
      return { fields: { Decline_Reason__c: this.declineReason, Feedback__c: feedback }, feedback };
    }
    return { fields: feedback ? { Feedback__c: feedback } : {}, feedback };
  }

  async handleSave() {
    const { problem, fields, feedback } = this.decisionFields();
    if (problem) {
      this.formError = problem;
      return;
    }
    this.formError = undefined;
    // Only a decline must explain itself; an acceptance note is free text.
    if (
      this.isDecline &&
      feedback &&
      isGenericFeedback(feedback, this.referral) &&
      !this.genericWarningShown
    ) {
      this.genericWarningShown = true;
      return;
    }
    this.saving = true;
    try {
      await updateRecord({
        fields: { Id: this.referral.id, Requested_Action__c: this.decision, ...fields },
      });
      this.dispatchEvent(
        new ShowToastEvent({
          title: formatLabel(requestedLabel, this.decision, this.referral.customerName || ''),
          variant: 'success',
        }),
      );
      // The inbox closes the form and re-reads the referrals to show the pending request.
      this.dispatchEvent(
        new CustomEvent('decided', { detail: { id: this.referral.id, decision: this.decision } }),
      );
    } catch (error) {
      this.formError = describeError(error);
    } finally {
      this.saving = false;
    }
  }
}
