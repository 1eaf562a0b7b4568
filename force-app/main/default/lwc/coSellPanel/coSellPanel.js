// Co-sell on the Opportunity record page: the AE tags the deal, sees each cloud's engagement with
// the findings the co-sell service wrote back, and asks for a submit. Every change is an LDS write;
// the service (never this component) talks to the portals and writes the outcome back.
import { LightningElement, api, wire } from 'lwc';
import {
  getRecord,
  getFieldValue,
  updateRecord,
  createRecord,
  notifyRecordUpdateAvailable,
} from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  CLOUDS,
  ENGAGEMENT_STATUSES_OPEN_TO_SUBMIT,
  parseFindings,
  formatLabel,
  describeError,
} from 'c/coSellUtils';

import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import CLOUDS_FIELD from '@salesforce/schema/Opportunity.CoSell_Clouds__c';
import ENGAGEMENT_OBJECT from '@salesforce/schema/CoSell_Engagement__c';

import titleLabel from '@salesforce/label/c.CoSell_Panel_Title';
import tagsHeadingLabel from '@salesforce/label/c.CoSell_Panel_Tags_Heading';
import saveTagsLabel from '@salesforce/label/c.CoSell_Panel_Save_Tags';
import tagsSavedLabel from '@salesforce/label/c.CoSell_Panel_Tags_Saved';
import tagsReadOnlyLabel from '@salesforce/label/c.CoSell_Panel_Tags_Read_Only';
import engagementsHeadingLabel from '@salesforce/label/c.CoSell_Panel_Engagements_Heading';
import noCloudsLabel from '@salesforce/label/c.CoSell_Panel_No_Clouds';
import notStartedLabel from '@salesforce/label/c.CoSell_Panel_Not_Started';
import submitLabel from '@salesforce/label/c.CoSell_Panel_Submit';
import submitRequestedLabel from '@salesforce/label/c.CoSell_Panel_Submit_Requested';
import pendingLabel from '@salesforce/label/c.CoSell_Panel_Pending';
import noFindingsLabel from '@salesforce/label/c.CoSell_Panel_No_Findings';
import findingsUnreadableLabel from '@salesforce/label/c.CoSell_Panel_Findings_Unreadable';
import fixFieldLabel from '@salesforce/label/c.CoSell_Panel_Fix_Field';
import portalIdLabel from '@salesforce/label/c.CoSell_Panel_Portal_Id';
import lastSyncedLabel from '@salesforce/label/c.CoSell_Panel_Last_Synced';
import syncErrorLabel from '@salesforce/label/c.CoSell_Panel_Sync_Error';
import noSubmitPermissionLabel from '@salesforce/label/c.CoSell_Panel_No_Submit_Permission';
import loadingLabel from '@salesforce/label/c.CoSell_Common_Loading';
import errorTitleLabel from '@salesforce/label/c.CoSell_Common_Error_Title';

/** The Opportunity's co-sell tags, in the order an AE fills them in. */
const TAG_FIELDS = [
  'CoSell_Clouds__c',
  'CoSell_Origin__c',
  'CoSell_Originating_Cloud__c',
  'CoSell_Help_Needed__c',
  'CoSell_Help_Details__c',
  'Marketplace_Route__c',
  'Commit_Drawdown__c',
  'Tenancy_Archetype__c',
  'CoSell_Attribution__c',
];

// Written only by the co-sell service (the attribution rule): read-only here even for a user whose
// field-level security allows edits (an admin), since the service would overwrite any hand edit.
const ENGINE_OWNED_TAG_FIELDS = ['CoSell_Attribution__c'];

// Optional, so a user without read access to one tag still sees the rest of the panel.
const OPTIONAL_TAG_FIELDS = TAG_FIELDS.filter((field) => field !== 'CoSell_Clouds__c').map(
  (field) => `Opportunity.${field}`,
);

const ENGAGEMENT_FIELDS = [
  'Cloud__c',
  'Status__c',
  'Portal_Id__c',
  'Requested_Action__c',
  'Findings__c',
  'Last_Synced_At__c',
  'Sync_Error__c',
].map((field) => `CoSell_Engagement__c.${field}`);

// Relationship name of CoSell_Engagement__c.Opportunity__c (master-detail), as force-app defines it.
const ENGAGEMENTS_RELATED_LIST = 'CoSell_Engagements__r';

// While a request waits for the co-sell service, re-read the engagements this often.
const PENDING_REFRESH_MS = 5000;

// After a tag save, the service judges unshared engagements' findings again; watch this long for it.
const REJUDGE_WINDOW_MS = 20000;

const SEVERITY_ICONS = { error: 'utility:error', warning: 'utility:warning', info: 'utility:info' };

function valueOf(record, field) {
  const entry = record && record.fields ? record.fields[field] : undefined;
  return entry ? entry.value : null;
}

export default class CoSellPanel extends LightningElement {
  @api recordId;
  @api objectApiName;

  label = {
    titleLabel,
    tagsHeadingLabel,
    saveTagsLabel,
    tagsReadOnlyLabel,
    engagementsHeadingLabel,
    noCloudsLabel,
    noFindingsLabel,
    findingsUnreadableLabel,
    portalIdLabel,
    lastSyncedLabel,
    syncErrorLabel,
    noSubmitPermissionLabel,
    loadingLabel,
    errorTitleLabel,
  };

  opportunity;
  opportunityError;
  opportunityInfo;
  engagementInfo;
  engagementRecords;
  engagementsError;
  wiredEngagements;
  actionError;
  savingTags = false;
  // Clouds whose submit is on its way to Salesforce (before the engagement shows the request).
  sendingClouds = [];
  pendingTimer;
  // Until when the panel re-reads engagements after a tag save (the service re-judges findings).
  rejudgeUntil = 0;

  @wire(getRecord, {
    recordId: '$recordId',
    fields: [CLOUDS_FIELD],
    optionalFields: OPTIONAL_TAG_FIELDS,
  })
  wiredOpportunity({ data, error }) {
    if (data) {
      this.opportunity = data;
      this.opportunityError = undefined;
    } else if (error) {
      this.opportunity = undefined;
      this.opportunityError = describeError(error);
    }
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  wiredOpportunityInfo({ data }) {
    if (data) {
      this.opportunityInfo = data;
    }
  }

  @wire(getObjectInfo, { objectApiName: ENGAGEMENT_OBJECT })
  wiredEngagementInfo({ data }) {
    if (data) {
      this.engagementInfo = data;
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: ENGAGEMENTS_RELATED_LIST,
    fields: ENGAGEMENT_FIELDS,
  })
  wiredEngagementList(result) {
    this.wiredEngagements = result;
    if (result.data) {
      this.engagementRecords = result.data.records;
      this.engagementsError = undefined;
    } else if (result.error) {
      this.engagementRecords = undefined;
      this.engagementsError = describeError(result.error);
    }
    this.syncPendingRefresh();
  }

  disconnectedCallback() {
    this.stopPendingRefresh();
  }

  get isLoading() {
    return !this.opportunity && !this.opportunityError;
  }

  // Fields the user may not edit are shown read-only: the platform would reject the save anyway,
  // and an input that cannot be saved is worse than none. Engine-owned fields are never inputs.
  get tagFields() {
    const fields = this.opportunityInfo ? this.opportunityInfo.fields : {};
    return TAG_FIELDS.filter((apiName) => fields[apiName]).map((apiName) => ({
      apiName,
      editable: fields[apiName].updateable === true && !ENGINE_OWNED_TAG_FIELDS.includes(apiName),
    }));
  }

  get canEditTags() {
    return this.tagFields.some((field) => field.editable);
  }

  get selectedClouds() {
    const value = this.opportunity ? getFieldValue(this.opportunity, CLOUDS_FIELD) : null;
    return value ? value.split(';') : [];
  }

  get engagementsByCloud() {
    const byCloud = {};
    (this.engagementRecords || []).forEach((record) => {
      byCloud[valueOf(record, 'Cloud__c')] = record;
    });
    return byCloud;
  }

  // One card per tagged cloud, plus any cloud still holding an engagement after being untagged.
  get cloudCards() {
    const byCloud = this.engagementsByCloud;
    const selected = this.selectedClouds;
    return CLOUDS.filter((cloud) => selected.includes(cloud) || byCloud[cloud]).map((cloud) =>
      this.cardFor(cloud, byCloud[cloud]),
    );
  }

  get hasCloudCards() {
    return this.cloudCards.length > 0;
  }

  get canRequestSubmit() {
    const info = this.engagementInfo;
    if (!info) {
      return false;
    }
    const field = info.fields && info.fields.Requested_Action__c;
    return Boolean(field && field.updateable);
  }

  get canCreateEngagement() {
    const info = this.engagementInfo;
    return Boolean(
      info &&
        info.createable &&
        info.fields.Requested_Action__c &&
        info.fields.Requested_Action__c.createable,
    );
  }

  cardFor(cloud, engagement) {
    const status = engagement ? valueOf(engagement, 'Status__c') : null;
    const requestedAction = engagement ? valueOf(engagement, 'Requested_Action__c') : null;
    const pending = Boolean(requestedAction) || this.sendingClouds.includes(cloud);
    const { findings, unreadable } = parseFindings(
      engagement ? valueOf(engagement, 'Findings__c') : null,
    );
    const permitted = engagement ? this.canRequestSubmit : this.canCreateEngagement;
    const submittable = !status || ENGAGEMENT_STATUSES_OPEN_TO_SUBMIT.includes(status);
    return {
      cloud,
      key: cloud,
      headingId: `heading-${cloud}`,
      statusText: status || notStartedLabel,
      portalId: engagement ? valueOf(engagement, 'Portal_Id__c') : null,
      lastSyncedAt: engagement ? valueOf(engagement, 'Last_Synced_At__c') : null,
      syncError: engagement ? valueOf(engagement, 'Sync_Error__c') : null,
      pending,
      pendingText: formatLabel(pendingLabel, requestedAction || 'Submit', cloud),
      findings: findings.map((finding) => this.decorateFinding(finding)),
      hasFindings: findings.length > 0,
      findingsUnreadable: unreadable,
      showSubmit: permitted && submittable,
      showNoPermission: !permitted && submittable,
      submitDisabled: pending,
      submitText: formatLabel(submitLabel, cloud),
    };
  }

  decorateFinding(finding) {
    const info = this.opportunityInfo && this.opportunityInfo.fields[finding.field];
    const fieldLabel = info ? info.label : finding.field;
    return {
      ...finding,
      icon: SEVERITY_ICONS[finding.severity],
      fixText: fieldLabel ? formatLabel(fixFieldLabel, fieldLabel) : null,
    };
  }

  handleTagsSubmit() {
    this.savingTags = true;
    this.actionError = undefined;
  }

  handleTagsSuccess() {
    this.savingTags = false;
    this.dispatchEvent(new ShowToastEvent({ title: tagsSavedLabel, variant: 'success' }));
    const unsharedFindings = (this.engagementRecords || []).some(
      (record) =>
        !valueOf(record, 'Portal_Id__c') &&
        parseFindings(valueOf(record, 'Findings__c')).findings.length > 0,
    );
    if (unsharedFindings) {
      this.rejudgeUntil = Date.now() + REJUDGE_WINDOW_MS;
      this.syncPendingRefresh();
    }
  }

  handleTagsError(event) {
    this.savingTags = false;
    this.actionError =
      event.detail && event.detail.message ? event.detail.message : describeError(event.detail);
  }

  async handleSubmit(event) {
    const cloud = event.target.dataset.cloud;
    const engagement = this.engagementsByCloud[cloud];
    this.actionError = undefined;
    this.sendingClouds = [...this.sendingClouds, cloud];
    try {
      let engagementId;
      if (engagement) {
        engagementId = engagement.id;
        await updateRecord({ fields: { Id: engagementId, Requested_Action__c: 'Submit' } });
      } else {
        const created = await createRecord({
          apiName: ENGAGEMENT_OBJECT.objectApiName,
          fields: { Opportunity__c: this.recordId, Cloud__c: cloud, Requested_Action__c: 'Submit' },
        });
        engagementId = created.id;
      }
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(submitRequestedLabel, cloud), variant: 'info' }),
      );
      if (engagementId) {
        await notifyRecordUpdateAvailable([{ recordId: engagementId }]);
      }
      await refreshApex(this.wiredEngagements);
    } catch (error) {
      this.actionError = describeError(error);
    } finally {
      this.sendingClouds = this.sendingClouds.filter((c) => c !== cloud);
    }
  }

  // The service writes the outcome back asynchronously and LDS is not told about it, so while a
  // request is pending, or shortly after a tag save that the service judges again, the panel
  // re-reads the engagements.
  get awaitingService() {
    return (
      (this.engagementRecords || []).some((record) => valueOf(record, 'Requested_Action__c')) ||
      Date.now() < this.rejudgeUntil
    );
  }

  syncPendingRefresh() {
    const pending = this.awaitingService;
    if (pending && !this.pendingTimer) {
      // eslint-disable-next-line @lwc/lwc/no-async-operation -- polls for the service's write-back; stopped as soon as nothing is pending or the panel is removed
      this.pendingTimer = setInterval(() => {
        if (this.awaitingService) {
          refreshApex(this.wiredEngagements);
        } else {
          this.stopPendingRefresh();
        }
      }, PENDING_REFRESH_MS);
    } else if (!pending) {
      this.stopPendingRefresh();
    }
  }

  stopPendingRefresh() {
    if (this.pendingTimer) {
      clearInterval(this.pendingTimer);
      this.pendingTimer = undefined;
    }
  }
}
