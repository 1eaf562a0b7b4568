import { describe, expect, it } from '@jest/globals';
import { figureFormat } from '../../middleware/src/cli/locale-format.js';
import { markerFigure, maturityTable } from '../../middleware/src/cli/maturity-table.js';
import type { MaturityAssessment } from '../../middleware/src/core/readiness/index.js';

const format = figureFormat('en-US', 'USD');

const assessment: MaturityAssessment = {
  level: 0,
  stage: 'Not started',
  next: null,
  evidence: [
    {
      level: 1,
      name: 'Foundation',
      typicalMonth: 'month 1',
      reached: false,
      markers: [
        {
          marker: 'first PDM relationship named',
          actual: null,
          target: true,
          met: false,
          source: 'named counterparts (Partner Program layer)',
        },
        {
          marker: 'share of new business with hyperscaler attribution',
          actual: 0.425,
          target: 0.05,
          met: true,
          source: 'attribution report (closed-won deals)',
        },
        {
          marker: 'hyperscaler-led deals per partner-led deal',
          actual: 0.4737,
          target: 1,
          met: false,
          source: 'attribution report (sourced vs influenced deals)',
          note: 'parity is one for one',
        },
      ],
    },
  ],
};

describe('the maturity table', () => {
  it('shows each figure in its unit: yes or no, a share as a percentage, a ratio as a number', () => {
    expect(markerFigure(true, { target: true }, format)).toBe('yes');
    expect(markerFigure(false, { target: true }, format)).toBe('no');
    expect(markerFigure(null, { target: 0.5 }, format)).toBe('unknown');
    expect(markerFigure(0.425, { target: 0.05 }, format)).toBe('42.5%');
    expect(markerFigure(0.4737, { target: 1 }, format)).toBe('0.47');
    expect(markerFigure(12, { target: 5 }, format)).toBe('12');
  });

  it('lists every marker under its stage with the figure against the target and the source with its note', () => {
    const table = maturityTable(assessment, format, 200);
    expect(table.columns.map((column) => column.key)).toEqual([
      'stage',
      'marker',
      'status',
      'figure',
      'source',
    ]);
    expect(table.data).toEqual([
      {
        stage: 'month 1 Foundation',
        marker: 'first PDM relationship named',
        status: 'not met',
        figure: 'unknown (target yes)',
        source: 'named counterparts (Partner Program layer)',
      },
      {
        stage: 'month 1 Foundation',
        marker: 'share of new business with hyperscaler attribution',
        status: 'met',
        figure: '42.5% (target 5%)',
        source: 'attribution report (closed-won deals)',
      },
      {
        stage: 'month 1 Foundation',
        marker: 'hyperscaler-led deals per partner-led deal',
        status: 'not met',
        figure: '0.47 (target 1)',
        source: 'attribution report (sourced vs influenced deals); parity is one for one',
      },
    ]);
  });
});
