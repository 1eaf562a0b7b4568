// The attribution tables' columns against the cell types c-co-sell-metric-table declares (a type
// attribute the type does not declare would never reach its cell), and the order a sort gives.
import CoSellMetricTable from 'c/coSellMetricTable';
import { PIPELINE_COLUMNS, UPLIFT_COLUMNS, HEALTH_COLUMNS, sortRows } from '../attributionTables';

describe('attribution tables', () => {
  it.each([
    ['pipeline', PIPELINE_COLUMNS],
    ['uplift', UPLIFT_COLUMNS],
    ['health', HEALTH_COLUMNS],
  ])('the %s columns use only declared cell types and type attributes', (_name, columns) => {
    const { customTypes } = CoSellMetricTable;
    columns
      .filter((column) => column.type !== 'text')
      .forEach((column) => {
        const type = customTypes[column.type];
        expect(type).toBeDefined();
        expect(type.standardCellLayout).toBe(true);
        expect(typeof type.template).toBe('function');
        Object.keys(column.typeAttributes).forEach((attribute) =>
          expect(type.typeAttributes).toContain(attribute),
        );
      });
  });

  const rows = [
    { key: 'AWS', cloud: 'AWS', value: 3 },
    { key: 'Microsoft', cloud: 'Microsoft', value: null },
    { key: 'Google', cloud: 'Google', value: 10 },
    { key: 'All', cloud: 'All clouds', value: 20 },
  ];
  const keys = (sorted) => sorted.map((row) => row.key);

  it('sorts figures as numbers both ways, a missing figure and the all-clouds row last', () => {
    expect(keys(sortRows(rows, 'value', 'asc'))).toEqual(['AWS', 'Google', 'Microsoft', 'All']);
    expect(keys(sortRows(rows, 'value', 'desc'))).toEqual(['Google', 'AWS', 'Microsoft', 'All']);
  });

  it('sorts names as text and leaves the rows as they are when no column is chosen', () => {
    expect(keys(sortRows(rows, 'cloud', 'desc'))).toEqual(['Microsoft', 'Google', 'AWS', 'All']);
    expect(sortRows(rows, undefined, undefined)).toBe(rows);
    expect(keys(rows)).toEqual(['AWS', 'Microsoft', 'Google', 'All']);
  });
});
