// Alliance ops' inbox of hyperscaler-led referrals from all three portals: most urgent first, SLA
// clocks, filters, and accept / decline / assign. A decision is a Requested_Action__c change on the
// referral; the co-sell service carries it to the portal and closes the loop with the referrer.
import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    CLOUDS,
    SOURCE_LAYERS,
    PRIORITIES,
    TRIAGE_STATUSES,
    OPEN_TRIAGE_STATUSES,
    compareByPriorityThenDue,
    slaState,
    formatDuration,
    isGenericFeedback,
    formatLabel,
    describeError
} from 'c/coSellUtils';

import REFERRAL_OBJECT from '@salesforce/schema/CoSell_Referral__c';
import DECLINE_REASON_FIELD from '@salesforce/schema/CoSell_Referral__c.Decline_Reason__c';

import titleLabel from '@salesforce/label/c.CoSell_Inbox_Title';
import allLabel from '@salesforce/label/c.CoSell_Common_All';
import loadingLabel from '@salesforce/label/c.CoSell_Common_Loading';
import errorTitleLabel from '@salesforce/label/c.CoSell_Common_Error_Title';
import cloudFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Cloud';
import layerFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Layer';
import priorityFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Priority';
import statusFilterLabel from '@salesforce/label/c.CoSell_Inbox_Filter_Status';
import openStatusLabel from '@salesforce/label/c.CoSell_Inbox_Status_Open';
import openLoopsStatusLabel from '@salesforce/label/c.CoSell_Inbox_Status_Open_Loops';
import emptyLabel from '@salesforce/label/c.CoSell_Inbox_Empty';
import dueInLabel from '@salesforce/label/c.CoSell_Inbox_Due_In';
import overdueByLabel from '@salesforce/label/c.CoSell_Inbox_Overdue_By';
import noDueLabel from '@salesforce/label/c.CoSell_Inbox_No_Due';
import unclassifiedLabel from '@salesforce/label/c.CoSell_Inbox_Unclassified';
import referredByLabel from '@salesforce/label/c.CoSell_Inbox_Referred_By';
import ownerLabel from '@salesforce/label/c.CoSell_Inbox_Owner';
import acceptLabel from '@salesforce/label/c.CoSell_Inbox_Accept';
import declineLabel from '@salesforce/label/c.CoSell_Inbox_Decline';
import assignLabel from '@salesforce/label/c.CoSell_Inbox_Assign';
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
import pendingLabel from '@salesforce/label/c.CoSell_Inbox_Pending';
import requestedLabel from '@salesforce/label/c.CoSell_Inbox_Requested';
import readOnlyLabel from '@salesforce/label/c.CoSell_Inbox_Read_Only';

// The inbox reads the 200 most pressing referrals; the org's list views cover the long tail.
// Owner is polymorphic (User or queue): only a user's name is read, so the query never depends on
// queues being exposed to the UI API; a queue-owned referral simply shows no owner line.
const REFERRALS_QUERY = gql`
    query coSellInboxReferrals {
        uiapi {
            query {
                CoSell_Referral__c(first: 200, orderBy: { Response_Due__c: { order: ASC, nulls: LAST } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Cloud__c {
                                value
                            }
                            Customer_Name__c {
                                value
                            }
                            Source_Layer__c {
                                value
                            }
                            Tenancy_Archetype__c {
                                value
                            }
                            Priority__c {
                                value
                            }
                            Response_Due__c {
                                value
                            }
                            Received_At__c {
                                value
                            }
                            Triage_Status__c {
                                value
                            }
                            Feedback_Loop_Open__c {
                                value
                            }
                            Requested_Action__c {
                                value
                            }
                            Referrer_Name__c {
                                value
                            }
                            Referrer_Email__c {
                                value
                            }
                            Estimated_Value__c {
                                value
                                displayValue
                            }
                            OwnerId {
                                value
                            }
                            Owner {
                                ... on User {
                                    Name {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;

// The SLA countdown moves on by the minute; a minute is the resolution it is shown in.
const CLOCK_TICK_MS = 60 * 1000;

const ALL = '';
const OPEN = 'Open';
// Referrers still waiting to hear back (the Feedback_Loop_Open__c formula): silence ends introductions.
const OPEN_LOOPS = 'OpenLoops';
const DECISION_STATUSES_CLOSED = ['Accepted', 'Declined', 'Expired'];

function fieldValue(node, field) {
    return node[field] ? node[field].value : null;
}

function toReferral(node) {
    return {
        id: node.Id,
        title: fieldValue(node, 'Name'),
        cloud: fieldValue(node, 'Cloud__c'),
        customerName: fieldValue(node, 'Customer_Name__c'),
        sourceLayer: fieldValue(node, 'Source_Layer__c'),
        tenancyArchetype: fieldValue(node, 'Tenancy_Archetype__c'),
        priority: fieldValue(node, 'Priority__c'),
        responseDue: fieldValue(node, 'Response_Due__c'),
        triageStatus: fieldValue(node, 'Triage_Status__c'),
        feedbackLoopOpen: fieldValue(node, 'Feedback_Loop_Open__c') === true,
        requestedAction: fieldValue(node, 'Requested_Action__c'),
        referrerName: fieldValue(node, 'Referrer_Name__c'),
        referrerEmail: fieldValue(node, 'Referrer_Email__c'),
        estimatedValue: node.Estimated_Value__c ? node.Estimated_Value__c.displayValue : null,
        ownerId: fieldValue(node, 'OwnerId'),
        ownerName: node.Owner && node.Owner.Name ? node.Owner.Name.value : null
    };
}

function isClosed(referral) {
    return DECISION_STATUSES_CLOSED.includes(referral.triageStatus);
}

// Decided referrals only show up when the status filter asks for them; they go after the open work.
function byOpenThenPriorityThenDue(a, b) {
    const byOpen = Number(isClosed(a)) - Number(isClosed(b));
    return byOpen !== 0 ? byOpen : compareByPriorityThenDue(a, b);
}

function options(values, firstOption) {
    return [firstOption, ...values.map((value) => ({ label: value, value }))];
}

export default class CoSellInbox extends LightningElement {
    label = {
        titleLabel,
        loadingLabel,
        errorTitleLabel,
        cloudFilterLabel,
        layerFilterLabel,
        priorityFilterLabel,
        statusFilterLabel,
        emptyLabel,
        referredByLabel,
        ownerLabel,
        acceptLabel,
        declineLabel,
        assignLabel,
        cancelLabel,
        reasonLabel,
        feedbackLabel,
        feedbackHelpLabel,
        genericWarningLabel,
        newOwnerLabel,
        readOnlyLabel
    };

    referrals;
    loadError;
    graphqlResult;
    referralInfo;
    declineReasonOptions = [];

    cloudFilter = ALL;
    layerFilter = ALL;
    priorityFilter = ALL;
    statusFilter = OPEN;

    now = Date.now();
    clock;

    // The decision being made: which referral, which action, and what the user has typed so far.
    activeId;
    decision;
    declineReason;
    feedback = '';
    newOwnerId;
    formError;
    genericWarningShown = false;
    saving = false;

    @wire(graphql, { query: REFERRALS_QUERY })
    wiredReferrals(result) {
        this.graphqlResult = result;
        const { data, errors } = result;
        if (data) {
            this.referrals = data.uiapi.query.CoSell_Referral__c.edges.map((edge) => toReferral(edge.node));
            this.loadError = undefined;
        } else if (errors) {
            this.referrals = undefined;
            this.loadError = describeError(errors);
        }
    }

    @wire(getObjectInfo, { objectApiName: REFERRAL_OBJECT })
    wiredReferralInfo({ data }) {
        if (data) {
            this.referralInfo = data;
        }
    }

    @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: DECLINE_REASON_FIELD })
    wiredDeclineReasons({ data }) {
        if (data) {
            this.declineReasonOptions = data.values.map((entry) => ({ label: entry.label, value: entry.value }));
        }
    }

    connectedCallback() {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the SLA countdown must move while the inbox stays open; cleared on disconnect
        this.clock = setInterval(() => {
            this.now = Date.now();
        }, CLOCK_TICK_MS);
    }

    disconnectedCallback() {
        clearInterval(this.clock);
    }

    get recordTypeId() {
        return this.referralInfo ? this.referralInfo.defaultRecordTypeId : undefined;
    }

    get isLoading() {
        return !this.referrals && !this.loadError;
    }

    get cloudOptions() {
        return options(CLOUDS, { label: allLabel, value: ALL });
    }

    get layerOptions() {
        return options(SOURCE_LAYERS, { label: allLabel, value: ALL });
    }

    get priorityOptions() {
        return options(PRIORITIES, { label: allLabel, value: ALL });
    }

    get statusOptions() {
        return [
            { label: openStatusLabel, value: OPEN },
            { label: openLoopsStatusLabel, value: OPEN_LOOPS },
            ...options(TRIAGE_STATUSES, { label: allLabel, value: ALL })
        ];
    }

    canUpdate(field) {
        const fields = this.referralInfo ? this.referralInfo.fields : {};
        return Boolean(fields[field] && fields[field].updateable);
    }

    get canAct() {
        return this.canUpdate('Requested_Action__c');
    }

    get canDecline() {
        return this.canAct && this.canUpdate('Decline_Reason__c') && this.canUpdate('Feedback__c');
    }

    get canAssign() {
        return this.canAct && this.canUpdate('OwnerId');
    }

    get showReadOnlyNote() {
        return Boolean(this.referralInfo) && !this.canAct;
    }

    matchesFilters(referral) {
        if (this.cloudFilter !== ALL && referral.cloud !== this.cloudFilter) {
            return false;
        }
        if (this.layerFilter !== ALL && referral.sourceLayer !== this.layerFilter) {
            return false;
        }
        if (this.priorityFilter !== ALL && referral.priority !== this.priorityFilter) {
            return false;
        }
        if (this.statusFilter === OPEN) {
            return OPEN_TRIAGE_STATUSES.includes(referral.triageStatus);
        }
        if (this.statusFilter === OPEN_LOOPS) {
            return referral.feedbackLoopOpen;
        }
        return this.statusFilter === ALL || referral.triageStatus === this.statusFilter;
    }

    get rows() {
        return (this.referrals || [])
            .filter((referral) => this.matchesFilters(referral))
            .sort(byOpenThenPriorityThenDue)
            .map((referral) => this.decorate(referral));
    }

    get hasRows() {
        return this.rows.length > 0;
    }

    get showEmpty() {
        return Boolean(this.referrals) && !this.hasRows;
    }

    decorate(referral) {
        const sla = slaState(referral.responseDue, this.now);
        const open = !isClosed(referral);
        let slaText = noDueLabel;
        if (sla.state === 'due') {
            slaText = formatLabel(dueInLabel, formatDuration(sla.minutes));
        } else if (sla.state === 'overdue') {
            slaText = formatLabel(overdueByLabel, formatDuration(sla.minutes));
        }
        const overdue = open && sla.state === 'overdue';
        const actionable = open && !referral.requestedAction && this.canAct;
        const active = referral.id === this.activeId;
        return {
            ...referral,
            priorityText: referral.priority || unclassifiedLabel,
            priorityClass: `priority slds-badge ${referral.priority === 'Urgent' ? 'slds-theme_error' : ''}`,
            slaText: open ? slaText : referral.triageStatus,
            overdue,
            rowClass: overdue ? 'referral slds-item overdue' : 'referral slds-item',
            slaClass: overdue ? 'sla slds-text-color_error slds-text-title_bold' : 'sla',
            referrerText: formatLabel(referredByLabel, referral.referrerName || '—', referral.sourceLayer || unclassifiedLabel),
            pendingText: referral.requestedAction ? formatLabel(pendingLabel, referral.requestedAction) : null,
            showActions: actionable && !active,
            showDecline: this.canDecline,
            showAssign: this.canAssign,
            active,
            headingId: `referral-${referral.id}`
        };
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

    get feedbackRequired() {
        return this.decision === 'Decline';
    }

    get saveButtonLabel() {
        return this.genericWarningShown ? saveAnywayLabel : formatLabel(saveLabel, this.decision);
    }

    handleFilterChange(event) {
        const filter = event.target.dataset.filter;
        this[filter] = event.detail.value;
    }

    handleStartDecision(event) {
        this.activeId = event.target.dataset.id;
        this.decision = event.target.dataset.action;
        this.declineReason = undefined;
        this.feedback = '';
        this.newOwnerId = undefined;
        this.formError = undefined;
        this.genericWarningShown = false;
    }

    handleCancel() {
        this.activeId = undefined;
        this.decision = undefined;
        this.formError = undefined;
        this.genericWarningShown = false;
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
        const referral = (this.referrals || []).find((r) => r.id === this.activeId);
        // Only a decline must explain itself; an acceptance note is free text.
        const declining = this.decision === 'Decline';
        if (declining && feedback && isGenericFeedback(feedback, referral) && !this.genericWarningShown) {
            this.genericWarningShown = true;
            return;
        }
        this.saving = true;
        try {
            await updateRecord({
                fields: { Id: this.activeId, Requested_Action__c: this.decision, ...fields }
            });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: formatLabel(requestedLabel, this.decision, referral ? referral.customerName : ''),
                    variant: 'success'
                })
            );
            this.handleCancel();
            // Re-run the query so the referral shows its pending request (and later its outcome).
            if (this.graphqlResult && this.graphqlResult.refresh) {
                await this.graphqlResult.refresh();
            }
        } catch (error) {
            this.formError = describeError(error);
        } finally {
            this.saving = false;
        }
    }
}
