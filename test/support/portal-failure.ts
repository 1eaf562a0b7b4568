// Awaits a portal call that must fail and returns its PortalError, so client tests can assert on
// the error's kind and findings; any other outcome fails the test.
import { PortalError } from '../../middleware/src/engine/portal-client.js';

export async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PortalError) return error;
    throw error;
  }
  throw new Error('the call was expected to fail');
}
