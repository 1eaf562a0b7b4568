// Tunable limits of the submission-quality lint, validated once so a bad setting fails with its key
// instead of quietly producing wrong findings on 400k rows.
import { z } from 'zod';

const days = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

/**
 * Defaults and why:
 * - staleAfterDays 30: a deal moving in a quarter is touched at least monthly; older means the
 *   stage and value the hyperscaler sees are no longer true.
 * - closeDateGraceDays 0: a close date in the past on an open deal is wrong the next morning.
 * - minDescriptionLength 80: about one sentence naming the customer's problem; portals reject
 *   shorter descriptions and reviewers skip them.
 * - placeholderWindowDays 180 / placeholderMinRepeats 10 / placeholderMinShare 0.05: the same
 *   amount on ten or more recent submissions for one cloud, and at least 5% of them, reads as a
 *   template value (the "$100k on 40 deals" pattern) rather than a considered estimate.
 * - placeholderTrackedAmounts 5000: distinct amounts remembered per cloud; counting stays exact
 *   below it and memory stays flat above it (see amount-frequency.ts).
 * - shareEverythingMaxRate 0.5 / shareEverythingMinOpenPipeline 20: sharing more than half of the
 *   open pipeline with one cloud is not selective; under 20 open deals the rate says little.
 * - singleCloudMinShare 0.9 / singleCloudMinDeals 10: nine co-sold deals in ten on one cloud is a
 *   single-cloud strategy; under ten co-sold deals the split says little.
 * - reopenWindowDays 180: a sourced deal opened on an account within six months of a lost,
 *   non-sourced one there looks like a deal re-opened for alliance credit.
 * - influencedNotSourcedMinInfluenced 10 / influencedNotSourcedMaxRatio 0.25: one sourced deal per
 *   four influenced is "strong influenced, weak sourced" once there are ten influenced deals.
 * - pdmLeadSourceMinReferrals 5 / pdmLeadSourceMinShare 0.6: most of a cloud's referrals coming
 *   from its PDMs means they are being used as the lead source.
 * All are interpretations: the guide names these patterns but gives no numbers.
 */
export const LintThresholds = z
  .object({
    staleAfterDays: days.min(1).default(30),
    closeDateGraceDays: days.default(0),
    minDescriptionLength: days.default(80),
    placeholderWindowDays: days.min(1).default(180),
    placeholderMinRepeats: z.number().int().min(2).default(10),
    placeholderMinShare: share.default(0.05),
    placeholderTrackedAmounts: z.number().int().min(10).default(5000),
    shareEverythingMaxRate: share.default(0.5),
    shareEverythingMinOpenPipeline: z.number().int().min(1).default(20),
    singleCloudMinShare: share.default(0.9),
    singleCloudMinDeals: z.number().int().min(1).default(10),
    reopenWindowDays: days.min(1).default(180),
    influencedNotSourcedMinInfluenced: z.number().int().min(1).default(10),
    influencedNotSourcedMaxRatio: share.default(0.25),
    pdmLeadSourceMinReferrals: z.number().int().min(1).default(5),
    pdmLeadSourceMinShare: share.default(0.6),
    /** Extra words that, alone, make an opportunity name generic (e.g. the ISV's product name). */
    extraGenericNameWords: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type LintThresholds = z.infer<typeof LintThresholds>;
export type LintThresholdsInput = z.input<typeof LintThresholds>;

export const DEFAULT_LINT_THRESHOLDS: LintThresholds = LintThresholds.parse({});

/** A threshold setting that fails validation, named by its key with the rule it broke. */
export class LintThresholdsError extends Error {
  readonly problems: ReadonlyArray<{ key: string; message: string }>;

  constructor(problems: ReadonlyArray<{ key: string; message: string }>) {
    super(
      `Invalid lint thresholds: ${problems.map((problem) => `${problem.key} ${problem.message}`).join('; ')}`,
    );
    this.name = 'LintThresholdsError';
    this.problems = problems;
  }
}

export function parseLintThresholds(input: LintThresholdsInput | undefined): LintThresholds {
  const parsed = LintThresholds.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new LintThresholdsError(
    parsed.error.issues.map((issue) => ({
      key:
        issue.path.length > 0
          ? issue.path.join('.')
          : ((issue as { keys?: string[] }).keys ?? []).join(', '),
      message: issue.message,
    })),
  );
}
