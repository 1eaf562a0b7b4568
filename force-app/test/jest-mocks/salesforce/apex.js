// @salesforce/apex for Jest: the package calls no Apex and imports only refreshApex, which re-reads a
// wire's data; tests check that it was called.
export const refreshApex = jest.fn(() => Promise.resolve());
