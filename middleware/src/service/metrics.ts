// Prometheus metrics for the service: sync lag, queue depth and dead letters read from the store at
// scrape time, portal errors and Salesforce API usage from the engine's counters, and HTTP traffic.
// One registry per app, so several apps (tests, or two listeners) never share or clash.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { queueStats } from '../engine/outbox.js';
import type { ServiceDeps } from './deps.js';

export interface ServiceMetrics {
  registry: Registry;
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  /** Reads the store and the engine's counters, then renders the text exposition format. */
  render(): Promise<string>;
}

const STATUSES = ['pending', 'running', 'dead'] as const;

export function createServiceMetrics(
  deps: Pick<ServiceDeps, 'db' | 'clock' | 'metrics'>,
): ServiceMetrics {
  const registry = new Registry();
  // Every metric registers with this app's registry alone.
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers: [registry] });
  const lag = gauge(
    'cosell_sync_lag_seconds',
    'Age of the oldest due outbox job that has not run yet',
  );
  const depth = gauge(
    'cosell_outbox_jobs',
    'Outbox jobs by target and status (pending, running, dead)',
    ['target', 'status'],
  );
  const dead = gauge(
    'cosell_dead_letters',
    'Outbox jobs parked as dead letters, waiting for a person',
  );
  const portalErrors = counter(
    'cosell_portal_errors_total',
    'Portal call failures since start, by portal and error kind',
    ['portal', 'kind'],
  );
  const sfUsed = gauge(
    'cosell_salesforce_api_requests_used',
    'Salesforce daily API requests used (Sforce-Limit-Info)',
  );
  const sfMax = gauge(
    'cosell_salesforce_api_requests_max',
    'Salesforce daily API request allocation (Sforce-Limit-Info)',
  );
  const requests = counter('cosell_http_requests_total', 'HTTP requests served', [
    'method',
    'route',
    'status',
  ]);
  const duration = new Histogram({
    name: 'cosell_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  return {
    registry,
    observeRequest({ method, route, status }, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    async render() {
      const stats = await queueStats(deps.db, deps.clock());
      lag.set(stats.lagMs / 1000);
      dead.set(stats.dead);
      depth.reset();
      for (const [target, counts] of Object.entries(stats.byTarget)) {
        for (const status of STATUSES) depth.set({ target, status }, counts[status]);
      }
      // The engine keeps the cumulative counts; the counter mirrors them at each scrape.
      portalErrors.reset();
      for (const { portal, kind, count } of deps.metrics.portalErrors())
        portalErrors.inc({ portal, kind }, count);
      const usage = deps.metrics.salesforceApiUsage();
      if (usage) {
        sfUsed.set(usage.used);
        sfMax.set(usage.max);
      }
      return registry.metrics();
    },
  };
}
