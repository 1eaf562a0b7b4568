// Shared setup for every LWC test: accessibility matchers (sa11y) for `toBeAccessible()`.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
