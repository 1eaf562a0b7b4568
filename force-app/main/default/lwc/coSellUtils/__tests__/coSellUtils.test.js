// The shared co-sell rules the components rely on, at their edges.
import {
  priorityRank,
  compareByPriorityThenDue,
  slaState,
  formatDuration,
  parseFindings,
  isGenericFeedback,
  formatLabel,
  describeError,
} from 'c/coSellUtils';

const NOW = Date.parse('2026-11-26T09:00:00Z');

describe('c-co-sell-utils', () => {
  describe('priority order', () => {
    it('ranks Urgent, High, an unclassified referral, then Standard', () => {
      expect(
        ['Standard', null, 'High', 'Urgent'].sort((a, b) => priorityRank(a) - priorityRank(b)),
      ).toEqual(['Urgent', 'High', null, 'Standard']);
    });

    it('sorts by priority first, then the earliest due time, with no due time last', () => {
      const referrals = [
        { id: 'pdm', priority: 'Standard', responseDue: '2026-11-26T10:00:00Z' },
        { id: 'specialist-later', priority: 'Urgent', responseDue: '2026-11-26T17:00:00Z' },
        { id: 'regional-no-due', priority: 'High', responseDue: null },
        { id: 'account-team', priority: 'Urgent', responseDue: '2026-11-26T12:00:00Z' },
        { id: 'regional', priority: 'High', responseDue: '2026-11-27T09:00:00Z' },
      ];
      expect(referrals.sort(compareByPriorityThenDue).map((r) => r.id)).toEqual([
        'account-team',
        'specialist-later',
        'regional',
        'regional-no-due',
        'pdm',
      ]);
    });

    it('treats two referrals with the same priority and due time as equal', () => {
      const a = { priority: 'High', responseDue: '2026-11-27T09:00:00Z' };
      expect(compareByPriorityThenDue(a, { ...a })).toBe(0);
    });
  });

  describe('SLA clock', () => {
    it('counts down whole minutes, rounding up so a live referral never shows 0', () => {
      expect(slaState('2026-11-26T09:00:30Z', NOW)).toEqual({ state: 'due', minutes: 1 });
      expect(slaState('2026-11-26T12:20:00Z', NOW)).toEqual({ state: 'due', minutes: 200 });
    });

    it('is overdue from the due instant on', () => {
      expect(slaState('2026-11-26T09:00:00Z', NOW)).toEqual({ state: 'overdue', minutes: 0 });
      expect(slaState('2026-11-26T08:14:00Z', NOW)).toEqual({ state: 'overdue', minutes: 46 });
    });

    it('has no clock without a readable due time', () => {
      expect(slaState(null, NOW).state).toBe('none');
      expect(slaState('tomorrow-ish', NOW).state).toBe('none');
    });

    it('formats durations compactly at the unit boundaries', () => {
      expect(formatDuration(0)).toBe('0 min');
      expect(formatDuration(59)).toBe('59 min');
      expect(formatDuration(60)).toBe('1 h');
      expect(formatDuration(200)).toBe('3 h 20 min');
      expect(formatDuration(1440)).toBe('1 d');
      expect(formatDuration(1440 * 2 + 180 + 15)).toBe('2 d 3 h');
      expect(formatDuration(-5)).toBe('0 min');
    });
  });

  describe('findings', () => {
    it('reads the JSON the service wrote back, errors first', () => {
      const json = JSON.stringify([
        {
          code: 'quality.generic-name',
          severity: 'warning',
          message: 'The name looks like a template.',
          field: 'Name',
        },
        {
          code: 'aws.project.title.required',
          severity: 'error',
          message: 'ACE needs a project title.',
          field: 'Name',
          path: '$.Project.Title',
        },
      ]);
      const { findings, unreadable } = parseFindings(json);
      expect(unreadable).toBe(false);
      expect(findings.map((f) => f.code)).toEqual([
        'aws.project.title.required',
        'quality.generic-name',
      ]);
      expect(findings[0]).toMatchObject({
        field: 'Name',
        path: '$.Project.Title',
        severity: 'error',
      });
      expect(findings[1].path).toBeNull();
    });

    it('treats an empty value as no findings', () => {
      expect(parseFindings(null)).toEqual({ findings: [], unreadable: false });
      expect(parseFindings('  ')).toEqual({ findings: [], unreadable: false });
      expect(parseFindings('[]')).toEqual({ findings: [], unreadable: false });
    });

    it('flags text that is not a JSON array of findings instead of hiding it', () => {
      expect(parseFindings('{"code":"x"}').unreadable).toBe(true);
      expect(parseFindings('[{"code":"x"').unreadable).toBe(true);
      const partly = parseFindings(
        '[{"code":"x","severity":"error","message":"Fix it"},{"code":"y"}]',
      );
      expect(partly.findings).toHaveLength(1);
      expect(partly.unreadable).toBe(true);
    });

    it('reads an unknown severity as info rather than dropping the finding', () => {
      expect(
        parseFindings('[{"code":"x","severity":"fatal","message":"m"}]').findings[0].severity,
      ).toBe('info');
    });
  });

  describe('generic feedback', () => {
    it('flags polite feedback with no concrete reason or detail, whatever its length', () => {
      expect(isGenericFeedback('Not the right fit at this time.')).toBe(true);
      expect(isGenericFeedback('')).toBe(true);
      expect(isGenericFeedback(null)).toBe(true);
      expect(
        isGenericFeedback(
          'Thank you so much for the introduction, we really enjoyed the conversation and will keep an eye out for the next one.',
        ),
      ).toBe(true);
    });

    it('judges specificity, not stock words or length: short exact reasons pass', () => {
      expect(isGenericFeedback('Tailspin is a 12k ARR pilot, below our 50k threshold.')).toBe(
        false,
      );
      expect(
        isGenericFeedback(
          'Not a fit: Northwind runs Teradata on-prem and our lakehouse connector does not support it.',
        ),
      ).toBe(false);
      expect(
        isGenericFeedback('Too early: the customer is still on-prem.', {
          customerName: 'Contoso Pharma',
        }),
      ).toBe(true);
      expect(
        isGenericFeedback('Too early: Contoso is still on-prem.', {
          customerName: 'Contoso Pharma',
        }),
      ).toBe(false);
    });

    it('accepts specific feedback the referrer can act on', () => {
      expect(
        isGenericFeedback(
          'Below threshold: Tailspin is a 12k ARR pilot and our co-sell minimum is 50k; send us their fleet rollout instead.',
        ),
      ).toBe(false);
    });
  });

  describe('messages', () => {
    it('fills numbered placeholders and leaves missing ones visible', () => {
      expect(formatLabel('Due in {0}', '3 h')).toBe('Due in 3 h');
      expect(formatLabel('{0} requested for {1}', 'Submit')).toBe('Submit requested for {1}');
    });

    it('reads the message out of every error shape LDS and GraphQL produce', () => {
      expect(describeError({ body: { message: 'Record not found' } })).toBe('Record not found');
      expect(
        describeError({
          body: {
            message: 'An error occurred',
            output: {
              errors: [],
              fieldErrors: {
                Decline_Reason__c: [{ message: 'A decline needs a reason category.' }],
              },
            },
          },
        }),
      ).toBe('A decline needs a reason category.');
      expect(describeError([{ message: 'Field Priority__c is not accessible' }])).toBe(
        'Field Priority__c is not accessible',
      );
      expect(describeError({ body: [{ message: 'one' }, { message: 'two' }] })).toBe('one two');
      expect(describeError(new Error('Network down'))).toBe('Network down');
      expect(describeError(undefined)).toBe('');
    });
  });
});
