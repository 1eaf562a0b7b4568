// ListOpportunities in the ACE emulator: ACE's filters (catalog, identifiers, stage, review status,
// customer name, date ranges), its sort keys, NextToken paging, and the summary each row becomes.
import type { ListOpportunitiesRequest } from './emulator-requests.js';
import type { Json } from './emulator-records.js';
import { paginate } from './paging.js';

/** One page of the opportunity records the request's filters keep, as summaries. */
export function listOpportunities(records: Json[], body: ListOpportunitiesRequest): Json {
  const catalog = body.Catalog;
  const after = (value: unknown, bound: string | null | undefined) =>
    !bound || Date.parse(String(value)) > Date.parse(bound);
  const before = (value: unknown, bound: string | null | undefined) =>
    !bound || Date.parse(String(value)) < Date.parse(bound);
  const names = body.CustomerCompanyName?.map((n) => n.toLowerCase());
  const rows = records
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
  const { page, next } = paginate(rows, body.MaxResults ?? 20, body.NextToken, 'ListOpportunities');
  return {
    OpportunitySummaries: page.map((r) => {
      const life = (r.LifeCycle as Json | undefined) ?? {};
      const account = ((r.Customer as Json | undefined)?.Account as Json | undefined) ?? undefined;
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
