// lightning/graphql for the preview: the UI API GraphQL endpoint. The wire gives { data, errors,
// refresh } as LDS does; gql keeps the query text (the endpoint parses it).
import { uiApi, wireAdapter } from 'lightning/orgConnection';

export function gql(strings, ...values) {
  return strings.reduce(
    (text, part, index) => text + part + (index < values.length ? values[index] : ''),
    '',
  );
}

function asErrors(error) {
  if (error && Array.isArray(error.body)) return error.body;
  return [{ message: error && error.message ? error.message : String(error) }];
}

export const graphql = wireAdapter(
  ({ query, variables, operationName }) =>
    uiApi('/graphql', {
      method: 'POST',
      body: { query, variables: variables || {}, operationName },
    }),
  {
    isReady: (config) => Boolean(config && config.query),
    shape: (answer, error, wire) => {
      const refresh = () => wire.refresh();
      if (error) return { data: undefined, errors: asErrors(error), refresh };
      return {
        data: answer.data,
        errors: answer.errors && answer.errors.length ? answer.errors : undefined,
        refresh,
      };
    },
  },
);
