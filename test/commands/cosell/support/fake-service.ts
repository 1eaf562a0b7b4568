// A fake co-sell service for command tests: global fetch stubbed with answers keyed on method and
// path (JSON or problem+json), every request recorded; and the URL of a port nothing listens on.
import { createServer } from 'node:net';
import type { TestContext } from '@salesforce/core/testSetup';

export interface SentRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

export type Answer =
  | { status: number; body: unknown; problem?: boolean }
  | ((request: SentRequest) => { status: number; body: unknown; problem?: boolean });

export const SERVICE_URL = 'http://cosell.test:3000';

/** Stubs fetch; `answers` maps `POST /api/v1/referrals/42/accept` to the answer (or a sequence of answers). */
export function fakeService(
  $$: TestContext,
  answers: Record<string, Answer | Answer[]>,
): SentRequest[] {
  const sent: SentRequest[] = [];
  const served = new Map<string, number>();
  $$.SANDBOX.stub(globalThis, 'fetch').callsFake(
    async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = (init?.method ?? 'GET').toUpperCase();
      const headers = Object.fromEntries(
        Object.entries((init?.headers ?? {}) as Record<string, string>).map(([name, value]) => [
          name.toLowerCase(),
          value,
        ]),
      );
      const request: SentRequest = {
        method,
        url,
        headers,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      sent.push(request);
      const key = `${method} ${url.pathname}`;
      const entry = answers[key];
      if (!entry)
        return new Response(
          JSON.stringify({
            type: 'urn:cosell:problem:not-found',
            title: 'Not found',
            status: 404,
            detail: `no route ${key}`,
          }),
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        );
      const index = served.get(key) ?? 0;
      served.set(key, index + 1);
      const answer = Array.isArray(entry) ? entry[Math.min(index, entry.length - 1)] : entry;
      const { status, body, problem } = typeof answer === 'function' ? answer(request) : answer!;
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': problem ? 'application/problem+json' : 'application/json' },
      });
    },
  );
  return sent;
}

/** A loopback URL whose port was just closed: connecting is refused at once. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function problem(
  status: number,
  type: string,
  detail: string,
  extras: Record<string, unknown> = {},
) {
  return {
    status,
    problem: true,
    body: {
      type: `urn:cosell:problem:${type}`,
      title: status === 422 ? 'Unprocessable content' : 'Conflict',
      status,
      detail,
      ...extras,
    },
  };
}
