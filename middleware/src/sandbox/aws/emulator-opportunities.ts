// The ACE account's opportunities: the review lifecycle on the emulator's clock, and each
// opportunity operation with ACE's behaviour (idempotency, optimistic concurrency, review locks).
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
  REVIEW_FEEDBACK,
  sortedKeys,
  validationError,
  type Json,
  type ReviewOutcome,
  type StoredOpportunity,
} from './emulator-records.js';
import { AceLedger } from './emulator-ledger.js';

export class AceOpportunityBook extends AceLedger {
  // ---- lifecycle ----------------------------------------------------------------------------

  /** Moves every review (and invitation expiry) forward to `now`; called before each request and on advance. */
  settle(now: number): void {
    const { inReviewAfterMs, decisionAfterMs } = this.options.review;
    for (const stored of this.opportunities.values()) {
      if (stored.submittedAt === null) continue;
      const review = this.reviewOf(stored);
      const inReviewAt = stored.submittedAt + inReviewAfterMs;
      const decidedAt = inReviewAt + decisionAfterMs;
      if (review === 'Submitted' && now >= inReviewAt) {
        this.lifeCycle(stored).ReviewStatus = 'In review';
        this.touch(stored, inReviewAt);
        this.opportunityEvent('Updated', stored, inReviewAt);
      }
      if (this.reviewOf(stored) === 'In review' && now >= decidedAt)
        this.decide(stored, this.outcomeFor(stored), decidedAt);
    }
    for (const invitation of this.invitations.values()) {
      const expires = Date.parse(String(invitation.summary.ExpirationDate));
      if (invitation.summary.Status === 'PENDING' && now >= expires) {
        invitation.summary.Status = 'EXPIRED';
        invitation.detail.Status = 'EXPIRED';
        this.invitationEvent('Expired', invitation, expires);
      }
    }
  }

  protected outcomeFor(stored: StoredOpportunity): ReviewOutcome {
    const override = this.reviewOverrides.get(String(stored.record.Id));
    if (override) return override;
    const { outcome } = this.options.review;
    return typeof outcome === 'function'
      ? outcome(clone(stored.record) as GetOpportunityOutput)
      : outcome;
  }

  protected decide(stored: StoredOpportunity, outcome: ReviewOutcome, at: number): void {
    const life = this.lifeCycle(stored);
    life.ReviewStatus = outcome;
    const feedback = REVIEW_FEEDBACK[outcome];
    if (feedback) {
      life.ReviewComments = feedback.comments;
      life.ReviewStatusReason = feedback.reason;
    } else {
      delete life.ReviewComments;
      delete life.ReviewStatusReason;
      stored.awsStage = 'Qualified';
    }
    stored.submittedAt = null;
    this.reviewOverrides.delete(String(stored.record.Id));
    this.touch(stored, at);
    this.opportunityEvent('Updated', stored, at);
    this.emit(
      outcome === 'Approved'
        ? 'Opportunity Accepted'
        : outcome === 'Rejected'
          ? 'Opportunity Rejected'
          : 'Opportunity Updated',
      at,
      [String(stored.record.Arn)],
      {
        schemaVersion: '1',
        catalog: stored.record.Catalog,
        opportunity: { identifier: stored.record.Id },
      },
    );
  }

  /** Control: the outcome the next (or current) review of this opportunity will have; `now` finishes it at once. */
  setReviewOutcome(id: string, outcome: ReviewOutcome, options: { now?: number } = {}): void {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    if (!stored) throw new Error(`setReviewOutcome: no opportunity ${id}`);
    this.reviewOverrides.set(id, outcome);
    if (options.now !== undefined && ['Submitted', 'In review'].includes(this.reviewOf(stored)))
      this.decide(stored, outcome, options.now);
  }

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
    const catalog = body.Catalog;
    const after = (value: unknown, bound: string | null | undefined) =>
      !bound || Date.parse(String(value)) > Date.parse(bound);
    const before = (value: unknown, bound: string | null | undefined) =>
      !bound || Date.parse(String(value)) < Date.parse(bound);
    const names = body.CustomerCompanyName?.map((n) => n.toLowerCase());
    const rows = [...this.opportunities.values()]
      .map((s) => s.record)
      .filter((r) => r.Catalog === catalog)
      .filter((r) => !body.Identifier || body.Identifier.includes(String(r.Id)))
      .filter(
        (r) =>
          !body.LifeCycleStage ||
          (body.LifeCycleStage as readonly string[]).includes(
            String((r.LifeCycle as Json | undefined)?.Stage),
          ),
      )
      .filter(
        (r) =>
          !body.LifeCycleReviewStatus ||
          (body.LifeCycleReviewStatus as readonly string[]).includes(
            String((r.LifeCycle as Json | undefined)?.ReviewStatus),
          ),
      )
      .filter(
        (r) =>
          !names ||
          names.includes(
            String(
              ((r.Customer as Json | undefined)?.Account as Json | undefined)?.CompanyName ?? '',
            ).toLowerCase(),
          ),
      )
      .filter(
        (r) =>
          after(r.LastModifiedDate, body.LastModifiedDate?.AfterLastModifiedDate) &&
          before(r.LastModifiedDate, body.LastModifiedDate?.BeforeLastModifiedDate),
      )
      .filter(
        (r) =>
          after(r.CreatedDate, body.CreatedDate?.AfterCreatedDate) &&
          before(r.CreatedDate, body.CreatedDate?.BeforeCreatedDate),
      );
    const sortBy = body.Sort?.SortBy ?? 'LastModifiedDate';
    const sortKey = (r: Json): string => {
      if (sortBy === 'Identifier') return String(r.Id).padStart(21, '0');
      if (sortBy === 'CustomerCompanyName')
        return String(
          ((r.Customer as Json | undefined)?.Account as Json | undefined)?.CompanyName ?? '',
        );
      if (sortBy === 'TargetCloseDate')
        return String((r.LifeCycle as Json | undefined)?.TargetCloseDate ?? '');
      return new Date(String(r[sortBy])).toISOString();
    };
    rows.sort((a, b) =>
      sortKey(a) < sortKey(b)
        ? -1
        : sortKey(a) > sortKey(b)
          ? 1
          : String(a.Id) < String(b.Id)
            ? -1
            : 1,
    );
    if (body.Sort?.SortOrder === 'DESCENDING') rows.reverse();
    const { page, next } = this.paginate(
      rows,
      body.MaxResults ?? 20,
      body.NextToken,
      'ListOpportunities',
    );
    return {
      OpportunitySummaries: page.map((r) => {
        const life = (r.LifeCycle as Json | undefined) ?? {};
        const account =
          ((r.Customer as Json | undefined)?.Account as Json | undefined) ?? undefined;
        const address = account?.Address as Json | undefined;
        const project = r.Project as Json | undefined;
        return {
          Catalog: r.Catalog,
          Id: r.Id,
          Arn: r.Arn,
          PartnerOpportunityIdentifier: r.PartnerOpportunityIdentifier,
          OpportunityType: r.OpportunityType,
          LastModifiedDate: r.LastModifiedDate,
          CreatedDate: r.CreatedDate,
          LifeCycle: {
            Stage: life.Stage,
            ClosedLostReason: life.ClosedLostReason,
            NextSteps: life.NextSteps,
            TargetCloseDate: life.TargetCloseDate,
            ReviewStatus: life.ReviewStatus,
            ReviewComments: life.ReviewComments,
            ReviewStatusReason: life.ReviewStatusReason,
          },
          Customer: account
            ? {
                Account: {
                  Industry: account.Industry,
                  OtherIndustry: account.OtherIndustry,
                  CompanyName: account.CompanyName ?? '',
                  WebsiteUrl: account.WebsiteUrl,
                  Address: address
                    ? {
                        City: address.City,
                        PostalCode: address.PostalCode,
                        StateOrRegion: address.StateOrRegion,
                        CountryCode: address.CountryCode,
                      }
                    : undefined,
                },
              }
            : undefined,
          Project: project
            ? {
                DeliveryModels: project.DeliveryModels,
                ExpectedCustomerSpend: project.ExpectedCustomerSpend,
              }
            : undefined,
        };
      }),
      ...(next ? { NextToken: next } : {}),
    };
  }

  /** NextToken = base64 of the operation and offset; a token from another operation is refused. */
  protected paginate<T>(
    rows: T[],
    size: number,
    token: string | null | undefined,
    operation: string,
  ): { page: T[]; next: string | null } {
    let offset = 0;
    if (token) {
      const decoded = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
      if (!decoded || decoded[1] !== operation) {
        throw validationError(
          [
            {
              code: 'AWS_WIRE_INVALID_FORMAT',
              severity: 'error',
              cloud: 'AWS',
              path: '$.NextToken',
              message: 'NextToken is not a token this operation issued.',
            },
          ],
          'REQUEST_VALIDATION_FAILED',
        );
      }
      offset = Number(decoded[2]);
    }
    const page = rows.slice(offset, offset + size);
    const nextOffset = offset + page.length;
    return {
      page,
      next:
        nextOffset < rows.length
          ? Buffer.from(`${operation}:${nextOffset}`).toString('base64')
          : null,
    };
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
      throw validationError(
        [
          {
            code: 'AWS_WRONG_STATE',
            severity: 'error',
            cloud: 'AWS',
            path: '$.Identifier',
            message: `Opportunity ${String(body.Identifier)} is ${review}; only an opportunity pending submission can start an engagement.`,
          },
        ],
        'BUSINESS_VALIDATION_FAILED',
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
