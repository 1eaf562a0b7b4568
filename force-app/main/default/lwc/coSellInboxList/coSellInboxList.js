// The inbox's referrals as alliance ops read them: SLA clock, priority, referrer, owner, a pending
// request, and the accept / decline / assign actions that open the decision form on one referral.
import { LightningElement, api } from 'lwc';
import { isDecided, slaState, formatDuration, formatLabel } from 'c/coSellUtils';

import dueInLabel from '@salesforce/label/c.CoSell_Inbox_Due_In';
import overdueByLabel from '@salesforce/label/c.CoSell_Inbox_Overdue_By';
import noDueLabel from '@salesforce/label/c.CoSell_Inbox_No_Due';
import unclassifiedLabel from '@salesforce/label/c.CoSell_Inbox_Unclassified';
import referredByLabel from '@salesforce/label/c.CoSell_Inbox_Referred_By';
import ownerLabel from '@salesforce/label/c.CoSell_Inbox_Owner';
import acceptLabel from '@salesforce/label/c.CoSell_Inbox_Accept';
import declineLabel from '@salesforce/label/c.CoSell_Inbox_Decline';
import assignLabel from '@salesforce/label/c.CoSell_Inbox_Assign';
import pendingLabel from '@salesforce/label/c.CoSell_Inbox_Pending';

function slaText(sla) {
  if (sla.state === 'due') {
    return formatLabel(dueInLabel, formatDuration(sla.minutes));
  }
  if (sla.state === 'overdue') {
    return formatLabel(overdueByLabel, formatDuration(sla.minutes));
  }
  return noDueLabel;
}

export default class CoSellInboxList extends LightningElement {
  /** The referrals to show, already filtered and in inbox order. */
  @api referrals = [];
  /** The time the SLA clocks count from (epoch ms); the inbox moves it on. */
  @api now;
  /** What the user may do, from the object's field permissions. */
  @api canAct = false;
  @api canDecline = false;
  @api canAssign = false;
  @api declineReasonOptions = [];

  label = { ownerLabel, acceptLabel, declineLabel, assignLabel };

  // The referral whose decision form is open, and which decision it is.
  activeId;
  decision;

  get rows() {
    return (this.referrals || []).map((referral) => this.decorate(referral));
  }

  decorate(referral) {
    const sla = slaState(referral.responseDue, this.now);
    const open = !isDecided(referral);
    const overdue = open && sla.state === 'overdue';
    const actionable = open && !referral.requestedAction && this.canAct;
    const active = referral.id === this.activeId;
    return {
      ...referral,
      priorityText: referral.priority || unclassifiedLabel,
      priorityClass: `priority slds-badge ${referral.priority === 'Urgent' ? 'slds-theme_error' : ''}`,
      slaText: open ? slaText(sla) : referral.triageStatus,
      overdue,
      rowClass: overdue ? 'referral slds-item overdue' : 'referral slds-item',
      slaClass: overdue ? 'sla slds-text-color_error slds-text-title_bold' : 'sla',
      referrerText: formatLabel(
        referredByLabel,
        referral.referrerName || '—',
        referral.sourceLayer || unclassifiedLabel,
      ),
      pendingText: referral.requestedAction
        ? formatLabel(pendingLabel, referral.requestedAction)
        : null,
      showActions: actionable && !active,
      showDecline: this.canDecline,
      showAssign: this.canAssign,
      active,
      headingId: `referral-${referral.id}`,
    };
  }

  handleStartDecision(event) {
    this.activeId = event.target.dataset.id;
    this.decision = event.target.dataset.action;
  }

  handleCancel() {
    this.activeId = undefined;
    this.decision = undefined;
  }

  handleDecided(event) {
    // A save can complete after the user has opened another referral's form; that form stays open.
    if (event.detail.id === this.activeId) {
      this.handleCancel();
    }
    this.dispatchEvent(new CustomEvent('decided', { detail: event.detail }));
  }
}
