// Turning labels and platform errors into the sentences a user reads.

/** Fills `{0}`, `{1}`... in a custom label, the way Salesforce labels carry their placeholders. */
export function formatLabel(template, ...values) {
  return String(template).replace(/\{(\d+)\}/g, (match, index) => {
    return values[index] === undefined ? match : String(values[index]);
  });
}

/**
 * One readable line from whatever an LDS wire, updateRecord/createRecord or the GraphQL wire
 * rejected with: a FetchResponse (`body.message`, `body.output.errors`, `body.output.fieldErrors`),
 * an array of them, GraphQL `errors` ([{ message }]), or a plain Error.
 */
export function describeError(error) {
  const errors = Array.isArray(error) ? error : [error];
  const messages = [];
  errors
    .filter((e) => e)
    .forEach((e) => {
      const body = e.body;
      if (Array.isArray(body)) {
        body.forEach((b) => b && b.message && messages.push(b.message));
      } else if (body && body.output) {
        (body.output.errors || []).forEach((o) => o.message && messages.push(o.message));
        Object.values(body.output.fieldErrors || {}).forEach((list) =>
          list.forEach((o) => o.message && messages.push(o.message)),
        );
        if (messages.length === 0 && body.message) {
          messages.push(body.message);
        }
      } else if (body && typeof body.message === 'string') {
        messages.push(body.message);
      } else if (typeof e.message === 'string') {
        messages.push(e.message);
      } else if (typeof e === 'string') {
        messages.push(e);
      }
    });
  return messages.join(' ');
}
