// The ACE account's opportunities: each opportunity operation with ACE's behaviour (idempotency,
// optimistic concurrency, review locks); the review itself runs in review-lifecycle.ts.
import { createAwsWireFormat } from '../../portals/aws/schema.js';
import {
  editabilityFindings,
  REVIEW_OUTCOME_FIELDS,
  changedPaths,
  submissionFindings,
} from '../../portals/aws/rules.js';
import type {
  GetOpportunityOutput,
  UpdateOpportunityInput,
} from '../../portals/aws/generated/ace-schemas.js';
import type { ListOpportunitiesRequest } from './emulator-requests.js';
import {
  AceServiceError,
  ASSOCIATION_LIMITS,
  clone,
  dayOf,
  digest,
  sortedKeys,
  validationError,
  wrongState,
  type Json,
  type StoredOpportunity,
} from './emulator-records.js';
import { AceReviewLifecycle } from './review-lifecycle.js';
import { listOpportunities } from './opportunity-list.js';

export class AceOpportunityBook extends AceReviewLifecycle {
  // ---- opportunities ------------------------------------------------------------------------

  createOpportunity(body: Json, now: number): Json {
    const token = String(body.ClientToken);
    const tokenKey = this.key(body.Catalog, token);
    const { ClientToken: _token, ...content } = body;
    const bodyDigest = digest(content);
    const previous = this.createTokens.get(tokenKey);
    if (previous) {
      if (previous.body !== bodyDigest) {
        this.counters.conflicts += 1;
        throw new AceServiceError(
          'ConflictException',
          409,
          'Conflicting client token submitted for a new request body.',
        );
      }
      const stored = this.find(body.Catalog, previous.id);
      return {
        Id: stored.record.Id,
        PartnerOpportunityIdentifier: stored.record.PartnerOpportunityIdentifier,
        LastModifiedDate: stored.record.LastModifiedDate,
      };
    }
    const findings = createAwsWireFormat({ today: dayOf(now) })
      .validate('CreateOpportunity', body)
      .filter((f) => f.severity === 'error');
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const stored = this.insertOpportunity(
      content,
      now,
      body.Origin === 'AWS Referral' ? 'AWS Referral' : 'Partner Referral',
      token,
    );
    this.createTokens.set(tokenKey, { id: String(stored.record.Id), body: bodyDigest });
    this.counters.created += 1;
    this.counters.createdByClientToken[token] =
      (this.counters.createdByClientToken[token] ?? 0) + 1;
    const partnerId = stored.record.PartnerOpportunityIdentifier;
    if (typeof partnerId === 'string' && partnerId) {
      this.counters.createdByPartnerOpportunityId[partnerId] =
        (this.counters.createdByPartnerOpportunityId[partnerId] ?? 0) + 1;
    }
    return {
      Id: stored.record.Id,
      PartnerOpportunityIdentifier: stored.record.PartnerOpportunityIdentifier,
      LastModifiedDate: stored.record.LastModifiedDate,
    };
  }

  protected insertOpportunity(
    content: Json,
    now: number,
    origin: StoredOpportunity['origin'],
    token: string | null,
  ): StoredOpportunity {
    const id = `O${this.nextDigits(7)}`;
    const { Origin: _origin, Tags: _tags, ...record } = clone(content);
    const at = new Date(now).toISOString();
    const life = (record.LifeCycle as Json | undefined) ?? {};
    // A partner cannot create an opportunity already reviewed; AWS referrals arrive approved.
    life.ReviewStatus = origin === 'AWS Referral' ? 'Approved' : 'Pending Submission';
    delete life.ReviewComments;
    delete life.ReviewStatusReason;
    const stored: StoredOpportunity = {
      record: {
        ...record,
        LifeCycle: life,
        Id: id,
        Arn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(record.Catalog)}/opportunity/${id}`,
        CreatedDate: at,
        LastModifiedDate: at,
        RelatedEntityIdentifiers: {
          Solutions: [],
          AwsProducts: [],
          AwsMarketplaceOffers: [],
          AwsMarketplaceOfferSets: [],
        },
      },
      origin,
      createToken: token,
      submittedAt: null,
      involvementType: null,
      visibility: null,
      awsStage: origin === 'AWS Referral' ? 'Qualified' : null,
    };
    this.opportunities.set(this.key(record.Catalog, id), stored);
    this.opportunityEvent('Created', stored, now);
    return stored;
  }

  getOpportunity(body: Json): Json {
    return clone(this.find(body.Catalog, body.Identifier).record);
  }

  updateOpportunity(body: Json, now: number): Json {
    const stored = this.find(body.Catalog, body.Identifier);
    const current = stored.record as unknown as GetOpportunityOutput;
    if (
      Date.parse(String(body.LastModifiedDate)) !== Date.parse(String(current.LastModifiedDate))
    ) {
      this.counters.conflicts += 1;
      throw new AceServiceError(
        'ConflictException',
        409,
        `Opportunity ${current.Id} was modified at ${current.LastModifiedDate}; your copy is from ${String(body.LastModifiedDate)}. Get the opportunity again and reapply your change.`,
      );
    }
    const findings = createAwsWireFormat({ today: dayOf(now) })
      .validate('UpdateOpportunity', body)
      .filter((f) => f.severity === 'error');
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const sandboxReview = body.Catalog === 'Sandbox';
    const locked = editabilityFindings(
      sortedKeys(current),
      sortedKeys(body) as UpdateOpportunityInput,
    ).filter((f) => {
      // The Sandbox lets a partner write review fields to simulate AWS's review.
      if (!sandboxReview) return true;
      return !REVIEW_OUTCOME_FIELDS.some(
        (field) => f.path === field || f.path?.startsWith(`${field}.`),
      );
    });
    if (locked.length > 0) throw validationError(locked, 'BUSINESS_VALIDATION_FAILED');
    const review = this.reviewOf(stored);
    const { Identifier: _id, LastModifiedDate: _lmd, ...content } = body;
    const next: Json = { ...clone(content) };
    const life = (next.LifeCycle as Json | undefined) ?? {};
    const sentReview = typeof life.ReviewStatus === 'string' ? life.ReviewStatus : null;
    if (!(sandboxReview && sentReview && sentReview !== review)) {
      // Only AWS moves the review; the partner's copy of it is ignored outside the Sandbox.
      life.ReviewStatus = review;
      const currentLife = (current.LifeCycle ?? {}) as Json;
      for (const field of ['ReviewComments', 'ReviewStatusReason']) {
        if (currentLife[field] === undefined) delete life[field];
        else life[field] = currentLife[field];
      }
    }
    next.LifeCycle = life;
    const changes = changedPaths(stored.record, { ...stored.record, ...next });
    stored.record = {
      ...next,
      Id: current.Id,
      Arn: current.Arn,
      CreatedDate: current.CreatedDate,
      LastModifiedDate: current.LastModifiedDate,
      RelatedEntityIdentifiers: current.RelatedEntityIdentifiers,
      ...(current.OpportunityTeam ? { OpportunityTeam: current.OpportunityTeam } : {}),
    };
    if (sandboxReview && sentReview && sentReview !== review) {
      stored.submittedAt = null;
      if (sentReview === 'Approved') stored.awsStage = 'Qualified';
    } else if (review === 'Action Required' && changes.length > 0) {
      // Answering AWS's request sends the opportunity back into review.
      life.ReviewStatus = 'Submitted';
      stored.submittedAt = now;
    }
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    return { Id: stored.record.Id, LastModifiedDate: stored.record.LastModifiedDate };
  }

  listOpportunities(body: ListOpportunitiesRequest): Json {
    return listOpportunities(
      [...this.opportunities.values()].map((stored) => stored.record),
      body,
    );
  }

  associateOpportunity(body: Json, now: number): Json {
    const stored = this.find(body.Catalog, body.OpportunityIdentifier);
    const type = String(body.RelatedEntityType);
    const identifier = String(body.RelatedEntityIdentifier);
    if (type === 'Solutions' && !this.options.solutions.includes(identifier)) {
      throw new AceServiceError(
        'ResourceNotFoundException',
        404,
        `Solution ${identifier} does not exist; known solutions: ${this.options.solutions.join(', ')}.`,
      );
    }
    const limit = ASSOCIATION_LIMITS[type]!;
    const related = stored.record.RelatedEntityIdentifiers as Record<string, string[]>;
    const list = (related[limit.list] ??= []);
    if (list.includes(identifier)) return {};
    if (list.length >= limit.max) {
      throw new AceServiceError(
        'ServiceQuotaExceededException',
        400,
        `An opportunity can have at most ${limit.max} associated ${type}.`,
      );
    }
    list.push(identifier);
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    return {};
  }

  startEngagementFromOpportunityTask(body: Json, now: number): Json {
    const tokenKey = this.key(body.Catalog, `start:${String(body.ClientToken)}`);
    const bodyDigest = digest(body);
    const replay = this.startTokens.get(tokenKey);
    if (replay) {
      if (replay.body !== bodyDigest)
        throw new AceServiceError(
          'ConflictException',
          409,
          'Conflicting client token submitted for a new request body.',
        );
      return clone(replay.response);
    }
    const stored = this.find(body.Catalog, body.Identifier);
    const review = this.reviewOf(stored);
    if (review !== 'Pending Submission') {
      throw wrongState(
        `Opportunity ${String(body.Identifier)} is ${review}; only an opportunity pending submission can start an engagement.`,
      );
    }
    const findings = submissionFindings(stored.record, { severity: 'error', today: dayOf(now) });
    const solutions =
      (stored.record.RelatedEntityIdentifiers as Record<string, string[]>).Solutions ?? [];
    if (solutions.length === 0) {
      findings.push({
        code: 'AWS_SUBMIT_REQUIRED',
        severity: 'error',
        cloud: 'AWS',
        path: '$.RelatedEntityIdentifiers.Solutions',
        message:
          'Associate at least one solution (AssociateOpportunity) before submitting the opportunity to AWS.',
      });
    }
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const submission = body.AwsSubmission as Json;
    stored.involvementType = String(submission.InvolvementType);
    stored.visibility = typeof submission.Visibility === 'string' ? submission.Visibility : 'Full';
    stored.submittedAt = now;
    this.lifeCycle(stored).ReviewStatus = 'Submitted';
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    const response = {
      TaskId: `task-${this.nextDigits(13)}`,
      TaskArn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(body.Catalog)}/engagement-from-opportunity-task/task-${this.sequence}`,
      StartTime: new Date(now).toISOString(),
      TaskStatus: 'COMPLETE',
      OpportunityId: stored.record.Id,
      EngagementId: `eng-${this.nextDigits(14)}`,
      EngagementInvitationId: `engi-${this.nextDigits(13)}`,
      ResourceSnapshotJobId: `job-${this.nextDigits(13)}`,
    };
    this.startTokens.set(tokenKey, { body: bodyDigest, response });
    return clone(response);
  }

  getAwsOpportunitySummary(body: Json): Json {
    const stored = this.find(body.Catalog, body.RelatedOpportunityIdentifier);
    const record = stored.record;
    const team = stored.awsStage
      ? [
          {
            FirstName: 'Priya',
            LastName: 'Raman',
            Email: 'praman@amazon.com',
            BusinessTitle: 'AWSSalesRep',
          },
          {
            FirstName: 'Hannah',
            LastName: 'Lindqvist',
            Email: 'hlindqvist@amazon.com',
            BusinessTitle: 'PDM',
          },
        ]
      : [];
    return {
      Catalog: record.Catalog,
      RelatedOpportunityId: record.Id,
      Origin: stored.origin,
      ...(stored.involvementType
        ? { InvolvementType: stored.involvementType, Visibility: stored.visibility }
        : {}),
      LifeCycle: {
        ...(stored.awsStage ? { Stage: stored.awsStage } : {}),
        ...((record.LifeCycle as Json | undefined)?.TargetCloseDate
          ? { TargetCloseDate: (record.LifeCycle as Json).TargetCloseDate }
          : {}),
      },
      OpportunityTeam: team,
      RelatedEntityIds: {
        Solutions: (record.RelatedEntityIdentifiers as Record<string, string[]>).Solutions ?? [],
      },
    };
  }

  /** Control: AWS moves its own pipeline stage (e.g. Launched, Closed Lost). */
  setAwsStage(id: string, stage: string, now: number): void {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    if (!stored) throw new Error(`setAwsStage: no opportunity ${id}`);
    stored.awsStage = stage;
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
  }
}
