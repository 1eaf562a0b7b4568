// Shared setup for every LWC test: accessibility matchers (sa11y) for `toBeAccessible()`, and the
// package's custom labels resolved to their real English values, so tests assert on the words a
// user reads (and a component importing a label that does not exist fails instead of showing
// the label's name).
const { registerSa11yMatcher } = require('@sa11y/jest');
const { readCustomLabels } = require('./jest-mocks/customLabels');

registerSa11yMatcher();

Object.entries(readCustomLabels()).forEach(([name, value]) => {
  jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
});
