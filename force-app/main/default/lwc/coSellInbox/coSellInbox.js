// Alliance ops' inbox of hyperscaler-led referrals from all three portals: most urgent first, SLA
// clocks, filters, and accept / decline / assign. A decision is a Requested_Action__c change on the
// referral; the co-sell service carries it to the portal and closes the loop with the referrer.
import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import {
  matchesInboxFilters,
  compareInboxReferrals,
  describeError,
  INBOX_FILTER_ALL,
  INBOX_FILTER_OPEN,
} from 'c/coSellUtils';

import REFERRAL_OBJECT from '@salesforce/schema/CoSell_Referral__c';
import DECLINE_REASON_FIELD from '@salesforce/schema/CoSell_Referral__c.Decline_Reason__c';

import titleLabel from '@salesforce/label/c.CoSell_Inbox_Title';
import loadingLabel from '@salesforce/label/c.CoSell_Common_Loading';
import errorTitleLabel from '@salesforce/label/c.CoSell_Common_Error_Title';
import emptyLabel from '@salesforce/label/c.CoSell_Inbox_Empty';
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

const FILTERS = ['cloudFilter', 'layerFilter', 'priorityFilter', 'statusFilter'];

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
    ownerName: node.Owner && node.Owner.Name ? node.Owner.Name.value : null,
  };
}

export default class CoSellInbox extends LightningElement {
  label = { titleLabel, loadingLabel, errorTitleLabel, emptyLabel, readOnlyLabel };

  referrals;
  loadError;
  graphqlResult;
  referralInfo;
  declineReasonOptions = [];

  cloudFilter = INBOX_FILTER_ALL;
  layerFilter = INBOX_FILTER_ALL;
  priorityFilter = INBOX_FILTER_ALL;
  statusFilter = INBOX_FILTER_OPEN;

  now = Date.now();
  clock;

  @wire(graphql, { query: REFERRALS_QUERY })
  wiredReferrals(result) {
    this.graphqlResult = result;
    const { data, errors } = result;
    if (data) {
      this.referrals = data.uiapi.query.CoSell_Referral__c.edges.map((edge) =>
        toReferral(edge.node),
      );
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
      this.declineReasonOptions = data.values.map((entry) => ({
        label: entry.label,
        value: entry.value,
      }));
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

  get shown() {
    const filters = {
      cloud: this.cloudFilter,
      layer: this.layerFilter,
      priority: this.priorityFilter,
      status: this.statusFilter,
    };
    return (this.referrals || [])
      .filter((referral) => matchesInboxFilters(referral, filters))
      .sort(compareInboxReferrals);
  }

  get hasRows() {
    return this.shown.length > 0;
  }

  get showEmpty() {
    return Boolean(this.referrals) && !this.hasRows;
  }

  handleFilterChange(event) {
    const { filter, value } = event.detail;
    if (FILTERS.includes(filter)) {
      this[filter] = value;
    }
  }

  // Re-run the query so the referral shows its pending request (and later its outcome).
  async handleDecided() {
    if (this.graphqlResult && this.graphqlResult.refresh) {
      await this.graphqlResult.refresh();
    }
  }
}
