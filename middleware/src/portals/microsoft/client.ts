// The engine's PortalClient for Microsoft Partner Center referrals over REST (global fetch): submit
// looks the referral up by externalReferenceId (the Salesforce Opportunity Id) before creating, so a
// retry or a second submission job never creates twice; updates are GET then PUT with If-Match;
// lists follow @odata.nextLink; every failure comes back as a classified PortalError.
import { randomUUID } from 'node:crypto';
import type { CoSellOpportunity } from '../../core/model.js';
import { createRestTransport } from '../rest-transport.js';
import { checkedTimeCursor } from '../time-cursor.js';
import {
  landedAfterLostAnswer,
  PortalError,
  type InboundPage,
  type PortalClient,
  type PortalEventReader,
  type PortalEventReading,
  type PortalRecordState,
  type ReferralDecision,
  type SubmitRequest,
  type UpdateRequest,
} from '../../engine/portal-client.js';
import type { CompiledMapping } from '../mapping/compile.js';
import { loadMapping } from '../mapping/load.js';
import { parseIncomingReferral } from './inbound.js';
import { createMicrosoftMapper } from './map.js';
import { referralIdFromWebhook } from './rules.js';
import {
  ReferralListResponse,
  ReferralReadBack,
  ReferralWebhookEvent,
  SERVER_MAINTAINED_FIELDS,
  type ReferralReadBack as Referral,
} from './schema.js';
import {
  acceptReferral,
  closeReferral,
  declineReferral,
  IllegalReferralTransitionError,
  type ReferralState,
} from './status.js';
import {
  awaitingDecisionError,
  illegalTransitionError,
  microsoftErrorOf,
  referralClosedError,
} from './errors.js';
import { microsoftStateOf } from './record-state.js';
import { microsoftWireFormat } from './wire-format.js';

type Json = Record<string, unknown>;

export interface MicrosoftClientConfig {
  /** `https://api.partner.microsoft.com` in production, the emulator's URL in the sandbox. */
  baseUrl: string;
  /** A current Entra ID access token (delegated, Referrals admin) for api.partner.microsoft.com. */
  token: () => Promise<string>;
  /** Per-call limit; a call still running after it is a `timeout` PortalError (default 10 s). */
  requestTimeoutMs?: number;
  /** The ISV's co-sell-ready solution ids, needed before a referral is shared with Microsoft. */
  solutionIds?: readonly string[];
  /** The Microsoft mapping (config/mapping/microsoft.json by default). */
  mapping?: CompiledMapping;
}

/** The Partner Center client; its event reader takes webhook notifications and GETs the referral each names. */
export interface MicrosoftClient extends PortalClient, PortalEventReader {}

const BASE_PATH = '/v1.0/engagements/referrals';
const LIST_PAGE = 100;

/** Quotes a value for an OData string literal. */
function odataText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Deep merge for the PUT body: mapped (Salesforce-owned) members replace, everything else stays as read. */
function mergeOwned(current: Json, owned: Json): Json {
  const out: Json = { ...current };
  for (const [key, value] of Object.entries(owned)) {
    const existing = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      existing &&
      typeof existing === 'object' &&
      !Array.isArray(existing)
        ? mergeOwned(existing as Json, value as Json)
        : value;
  }
  return out;
}

function referralState(referral: Referral): ReferralState {
  return {
    status: referral.status as ReferralState['status'],
    substatus: referral.substatus as ReferralState['substatus'],
    statusReason: referral.statusReason ?? null,
  };
}

export function createMicrosoftClient(config: MicrosoftClientConfig): MicrosoftClient {
  const timeoutMs = config.requestTimeoutMs ?? 10_000;

  const base = config.baseUrl.replace(/\/+$/, '');
  let mapper: ReturnType<typeof createMicrosoftMapper> | undefined;
  const mapperOf = () =>
    (mapper ??= createMicrosoftMapper(config.mapping ?? loadMapping('microsoft'), {
      solutionIds: config.solutionIds ?? [],
    }));

  /** One REST call with the deadline; non-2xx and network failures come back as PortalErrors. */
  const call = createRestTransport({
    cloud: 'Microsoft',
    label: 'Partner Center',
    baseUrl: base,
    token: () => config.token(),
    timeoutMs,
    errorOf: microsoftErrorOf,
    headers: () => ({ 'client-request-id': randomUUID() }),
  });

  function readBack(body: unknown): Referral {
    const parsed = ReferralReadBack.safeParse(body);
    if (!parsed.success)
      throw new PortalError(
        'Microsoft',
        'unavailable',
        `Partner Center answered with something that is not a referral: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    return parsed.data;
  }

  async function getReferral(id: string): Promise<Referral> {
    return readBack((await call('GET', `${BASE_PATH}/${encodeURIComponent(id)}`)).body);
  }

  /** Every referral of a filtered list, following @odata.nextLink verbatim. */
  async function* listAll(query: string): AsyncGenerator<Referral> {
    let next: string | undefined = `${BASE_PATH}?${query}`;
    while (next) {
      const parsed = ReferralListResponse.safeParse((await call('GET', next)).body);
      if (!parsed.success)
        throw new PortalError(
          'Microsoft',
          'unavailable',
          `Partner Center answered a list with something that is not a referral page: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      yield* parsed.data.value;
      next = parsed.data['@odata.nextLink'];
    }
  }

  /** The referral a previous submission created for this Salesforce opportunity, if any. */
  async function reconcile(opportunityId: string): Promise<Referral | null> {
    const query = new URLSearchParams({
      $filter: `externalReferenceId eq ${odataText(opportunityId)}`,
      $top: '10',
    });
    for await (const referral of listAll(query.toString())) {
      if (referral.externalReferenceId === opportunityId && referral.direction !== 'Incoming')
        return referral;
    }
    return null;
  }

  /** The mapped body plus its blocking findings (mapping and wire), before any call. */
  function mapped(opportunity: CoSellOpportunity, now: Date, operation: 'create' | 'update'): Json {
    const { payload, findings } = mapperOf().toWire(opportunity, { now });
    const blocking = [
      ...findings,
      ...(operation === 'create' ? microsoftWireFormat.validate('create', payload) : []),
    ].filter((f) => f.severity === 'error');
    if (blocking.length > 0) {
      throw new PortalError(
        'Microsoft',
        'validation',
        `${blocking.length} finding(s) block the Partner Center ${operation} of ${opportunity.id}`,
        { findings: blocking },
      );
    }
    return payload;
  }

  async function put(current: Referral, body: Json): Promise<Referral> {
    const writable = Object.fromEntries(
      Object.entries(body).filter(
        ([key]) => key === 'id' || !SERVER_MAINTAINED_FIELDS.includes(key as never),
      ),
    );
    const blocking = microsoftWireFormat
      .validate('update', writable)
      .filter((f) => f.severity === 'error');
    if (blocking.length > 0)
      throw new PortalError(
        'Microsoft',
        'validation',
        `${blocking.length} finding(s) stop the Partner Center update of ${current.id}`,
        { findings: blocking },
      );
    if (!current.eTag)
      throw new PortalError(
        'Microsoft',
        'conflict',
        `referral ${current.id} was read without an eTag; read it again`,
      );
    return readBack(
      (
        await call('PUT', `${BASE_PATH}/${encodeURIComponent(current.id)}`, {
          body: writable,
          headers: { 'if-match': current.eTag },
        })
      ).body,
    );
  }

  async function patchStatus(current: Referral, next: ReferralState): Promise<void> {
    const operations = [
      { op: 'replace', path: '/status', value: next.status },
      { op: 'replace', path: '/substatus', value: next.substatus },
      ...(next.statusReason
        ? [{ op: 'replace', path: '/statusReason', value: next.statusReason }]
        : []),
    ];
    await call('PATCH', `${BASE_PATH}/${encodeURIComponent(current.id)}`, {
      body: operations,
      headers: current.eTag ? { 'if-match': current.eTag } : {},
    });
  }

  return {
    cloud: 'Microsoft',

    async submit({ opportunity, now }: SubmitRequest): Promise<PortalRecordState> {
      const payload = mapped(opportunity, now, 'create');
      // The idempotency key is not needed on the wire: the Salesforce Id is the key Partner Center can search.
      const existing = await reconcile(opportunity.id);
      if (existing) return microsoftStateOf(existing);
      try {
        return microsoftStateOf(readBack((await call('POST', BASE_PATH, { body: payload })).body));
      } catch (error) {
        // The answer was lost, not necessarily the create: Partner Center has no idempotency key,
        // so give the request time to land and look for what it made before a retry may create.
        const found = await landedAfterLostAnswer(
          error,
          () => reconcile(opportunity.id),
          timeoutMs,
        );
        if (found) return microsoftStateOf(found);
        throw error;
      }
    },

    async update({ opportunity, portalId, now }: UpdateRequest): Promise<PortalRecordState> {
      // Always computed from a fresh read: `expectedVersion` is superseded by the eTag read here, and
      // a change made between this GET and the PUT is a 412 (→ conflict → re-read and retry).
      const current = await getReferral(portalId);
      const state = microsoftStateOf(current);
      if (current.status === 'Closed') throw referralClosedError(portalId, current.substatus);
      if (state.locked) throw awaitingDecisionError(portalId);
      const body = mergeOwned(current as Json, mapped(opportunity, now, 'update'));
      if (opportunity.isClosed && current.status === 'Active') {
        try {
          Object.assign(
            body,
            closeReferral(
              referralState(current),
              opportunity.isWon ? 'Won' : 'Lost',
              opportunity.isWon
                ? undefined
                : `Closed lost in Salesforce at stage ${opportunity.stageName}`,
            ),
          );
        } catch (error) {
          if (error instanceof IllegalReferralTransitionError)
            throw new PortalError('Microsoft', 'validation', error.message, { cause: error });
          throw error;
        }
      }
      return microsoftStateOf(await put(current, body));
    },

    async fetch(portalId: string): Promise<PortalRecordState> {
      return microsoftStateOf(await getReferral(portalId));
    },

    async listInbound(cursor: string | null): Promise<InboundPage> {
      checkedTimeCursor('Microsoft', 'Partner Center', 'updatedDateTime', cursor);
      // `ge`, not `gt`: a referral changed in the same instant as the last one seen is not skipped;
      // the engine drops the repeat by portal id + eTag.
      const filter = `direction eq 'Incoming'${cursor ? ` and updatedDateTime ge ${cursor}` : ''}`;
      const query = new URLSearchParams({
        $filter: filter,
        $orderby: 'updatedDateTime asc',
        $top: String(LIST_PAGE),
      });
      const referrals: InboundPage['referrals'] = [];
      let newest = cursor;
      for await (const referral of listAll(query.toString())) {
        const changed = referral.updatedDateTime ?? referral.createdDateTime;
        if (!newest || Date.parse(changed) > Date.parse(newest)) newest = changed;
        const reading = parseIncomingReferral(referral);
        if (reading.ok)
          referrals.push({
            referral: reading.referral,
            version: referral.eTag ?? changed,
            findings: reading.findings,
          });
      }
      return { referrals, cursor: newest };
    },

    async decide({ portalId, decision, declineReason, feedback }: ReferralDecision): Promise<void> {
      const current = await getReferral(portalId);
      const from = referralState(current);
      if (
        decision === 'accept' &&
        (current.status === 'Active' ||
          (current.status === 'Closed' && ['Won', 'Lost'].includes(current.substatus)))
      )
        return;
      if (decision === 'decline' && current.status === 'Closed' && current.substatus === 'Declined')
        return;
      const reason = [declineReason, feedback].filter((part) => part?.trim()).join(': ');
      let next: ReferralState;
      try {
        next = decision === 'accept' ? acceptReferral(from) : declineReferral(from, reason);
      } catch (error) {
        if (error instanceof IllegalReferralTransitionError) throw illegalTransitionError(error);
        throw error;
      }
      await patchStatus(current, next);
    },

    async readEvent(event: unknown): Promise<PortalEventReading> {
      const parsed = ReferralWebhookEvent.safeParse(event);
      const id = parsed.success ? referralIdFromWebhook(parsed.data) : null;
      if (!parsed.success || !id) {
        const findings = microsoftWireFormat
          .validate('webhook-event', event)
          .filter((f) => f.severity === 'error');
        throw new PortalError(
          'Microsoft',
          'validation',
          'the webhook notification does not name a referral to read',
          { findings },
        );
      }
      const referral = await getReferral(id);
      if (referral.direction === 'Incoming') {
        const reading = parseIncomingReferral(referral);
        if (!reading.ok)
          throw new PortalError(
            'Microsoft',
            'validation',
            `referral ${id} cannot enter the inbox`,
            { findings: reading.findings },
          );
        return {
          kind: 'inbound',
          delivery: {
            referral: reading.referral,
            version: referral.eTag ?? referral.updatedDateTime ?? referral.createdDateTime,
            findings: reading.findings,
          },
        };
      }
      // externalReferenceId carries the Salesforce Opportunity Id of a referral we shared.
      return {
        kind: 'engagement',
        state: microsoftStateOf(referral),
        salesforceId: referral.externalReferenceId ?? null,
      };
    },
  };
}
