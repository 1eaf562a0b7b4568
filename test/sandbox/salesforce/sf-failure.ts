// Awaits a call to the local org (through jsforce or fetch) that must fail and returns the
// Salesforce error it failed with, so the local-org tests can assert on its errorCode.
export type SfError = { errorCode?: string; name?: string; message: string };

/** The error a call failed with (the test fails if it succeeded). */
export async function failure(call: PromiseLike<unknown>): Promise<SfError> {
  const outcome = await Promise.resolve(call).then(
    () => null,
    (error: unknown) => error as SfError,
  );
  if (!outcome) throw new Error('expected the call to fail');
  return outcome;
}
