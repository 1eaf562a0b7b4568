// What every persona journey checks on a page it opens, and how it traces a failed org call.
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { overflowing, screenshot, seriousViolations, type OpenedPage } from './browser.js';

export const WIDTHS = [1280, 400];

/** Logs each failed org call with its answer, so a console error can be traced to its request. */
export function traceHttp(page: Page): void {
  page.on('response', (r) => {
    if (r.status() >= 400)
      void r
        .text()
        .then((t) =>
          console.log('HTTP', r.status(), r.request().method(), r.url(), t.slice(0, 300)),
        );
  });
}

/**
 * Every check a journey page must pass: nothing cut off, axe clean, a screenshot, no console error.
 * `changed` limits axe to the part that differs from a state already checked in full (axe over the
 * whole attribution page takes about 5 s on a quiet machine).
 */
export async function pageChecks(
  opened: OpenedPage,
  name: string,
  changed?: Locator,
): Promise<void> {
  const started = Date.now();
  expect(await overflowing(opened.page)).toEqual([]);
  const measured = Date.now();
  expect(await seriousViolations(opened.page, changed)).toEqual([]);
  const axed = Date.now();
  await screenshot(opened.page, name);
  console.log(
    `${name}: layout ${measured - started} ms, axe ${axed - measured} ms, screenshot ${Date.now() - axed} ms`,
  );
  expect(opened.errors).toEqual([]);
}
