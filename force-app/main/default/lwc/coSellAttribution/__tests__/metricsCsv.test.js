// CSV quoting for the attribution download: a spreadsheet must read back exactly what was on screen.
import { metricsCsv, csvDataUri } from '../metricsCsv';

describe('c-co-sell-attribution metrics CSV', () => {
  it('writes a header and one CRLF-terminated line per metric, empty cells for missing figures', () => {
    const csv = metricsCsv([
      {
        cloud: 'Google',
        fiscalPeriod: 'FY2027Q1',
        metric: 'Acceptance Rate',
        segment: 'All',
        value: null,
        sampleSize: 0,
        computedAt: null,
      },
    ]);
    expect(csv).toBe(
      'Cloud,Fiscal period,Metric,Segment,Value,Sample size,Computed at\r\nGoogle,FY2027Q1,Acceptance Rate,All,,0,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and defuses formula-like text', () => {
    const csv = metricsCsv([
      {
        cloud: 'AWS',
        fiscalPeriod: 'FY2027Q1',
        metric: 'Win Rate, "co-sold"',
        segment: '=HYPERLINK("x")',
        value: -0.05,
        sampleSize: 12,
        computedAt: 'line\nbreak',
      },
    ]);
    const line = csv.split('\r\n')[1];
    expect(line).toBe(
      'AWS,FY2027Q1,"Win Rate, ""co-sold""","\'=HYPERLINK(""x"")",-0.05,12,"line\nbreak"',
    );
  });

  it('encodes the CSV into a data URI a link can download', () => {
    expect(csvDataUri('a,b\r\n')).toBe('data:text/csv;charset=utf-8,a%2Cb%0D%0A');
  });
});
