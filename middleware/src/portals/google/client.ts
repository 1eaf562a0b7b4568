// The engine's PortalClient for Google Cloud Channel v1alpha1 opportunities over REST (global fetch):
// submit finds the opportunity by referenceOpportunityId (the Salesforce Opportunity Id) before
// creating, then moves DRAFT → SUBMITTED, resumable at either step; updates patch the mapped fields
// by updateMask; service-account auth through google-auth-library; google.rpc errors classified.
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
import { mergeFindings } from '../mapping/checked-payload.js';
import { loadMapping } from '../mapping/load.js';
import { parseGoogleOpportunity, parseOpportunityPush } from './inbound.js';
import { createGoogleMapper } from './map.js';
import { OpportunityQueryResponse, OpportunityReadBack } from './schema.js';
import { googleErrorOf, lockedInReviewFinding } from './errors.js';
import { googleStateOf } from './record-state.js';
import { keyFileTokens } from './service-account.js';
import { submittedBodyFindings } from './wire-format.js';

type Json = Record<string, unknown>;
type Opportunity = OpportunityReadBack;

/**
 * Where the Salesforce Opportunity Id travels: `referenceOpportunityId` is the one writable top-level
 * reference the v1alpha1 resource has (see the report: the mapping file does not set it yet).
 */
export const SALESFORCE_REFERENCE_FIELD = 'referenceOpportunityId';

export interface GoogleClientConfig {
  /** `https://cloudchannel.googleapis.com` in production, the emulator's URL in the sandbox. */
  baseUrl: string;
  /** The partner (Partner Hub id) whose opportunities these are; push messages for others are refused. */
  partnerId: string;
  /** A token source, or a service-account key file (its token_uri is honoured, for the sandbox). */
  auth: { getAccessToken(): Promise<string> } | { keyFile: string };
  requestTimeoutMs?: number;
  /** Google product families the ISV's deals are about (map.ts: DEFAULT_PRODUCT_FAMILIES when none). */
  productFamily?: readonly string[];
  /** The Google mapping (config/mapping/google.json by default). */
  mapping?: CompiledMapping;
}

/** The Cloud Channel client; its event reader takes Pub/Sub push bodies, checks the partner, then GETs the opportunity each names. */
export interface GoogleClient extends PortalClient, PortalEventReader {}

/** Every leaf path of a payload, as updateMask paths (lists are leaves). */
function leafPaths(value: Json, prefix: string[] = []): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    child && typeof child === 'object' && !Array.isArray(child)
      ? leafPaths(child as Json, [...prefix, key])
      : [[...prefix, key].join('.')],
  );
}

export function createGoogleClient(config: GoogleClientConfig): GoogleClient {
  const timeoutMs = config.requestTimeoutMs ?? 10_000;

  const base = config.baseUrl.replace(/\/+$/, '');
  const partner = `partners/${config.partnerId}`;
  const tokens =
    'keyFile' in config.auth
      ? keyFileTokens(config.auth.keyFile)
      : config.auth.getAccessToken.bind(config.auth);
  let mapper: ReturnType<typeof createGoogleMapper> | undefined;
  const mapperOf = () =>
    (mapper ??= createGoogleMapper(config.mapping ?? loadMapping('google'), {
      productFamilies: config.productFamily ?? [],
    }));

  const transport = createRestTransport({
    cloud: 'Google',
    label: 'Cloud Channel',
    baseUrl: base,
    token: tokens,
    timeoutMs,
    errorOf: googleErrorOf,
  });
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> =>
    (await transport(method, path, body === undefined ? {} : { body })).body;

  function readBack(body: unknown): Opportunity {
    const parsed = OpportunityReadBack.safeParse(body);
    if (!parsed.success)
      throw new PortalError(
        'Google',
        'unavailable',
        `Cloud Channel answered with something that is not an opportunity: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    return parsed.data;
  }

  const get = async (name: string) => readBack(await call('GET', `/v1alpha1/${name}`));

  async function* queryAll(filter: string, orderBy = 'createTime'): AsyncGenerator<Opportunity> {
    let pageToken: string | undefined;
    do {
      const params = new URLSearchParams({
        filter,
        orderBy,
        pageSize: '100',
        ...(pageToken ? { pageToken } : {}),
      });
      const page = OpportunityQueryResponse.safeParse(
        await call('GET', `/v1alpha1/opportunities:query?${params.toString()}`),
      );
      if (!page.success)
        throw new PortalError(
          'Google',
          'unavailable',
          `Cloud Channel answered a query with something that is not a page: ${page.error.issues[0]?.message ?? ''}`,
        );
      yield* page.data.opportunities ?? [];
      pageToken = page.data.nextPageToken;
    } while (pageToken);
  }

  /** The mapped body carrying the Salesforce Id; blocking findings stop it before any call. */
  function mapped(opportunity: CoSellOpportunity, now: Date): Json {
    const mapper = mapperOf();
    const { payload, findings } = mapper.toWire(opportunity, { now });
    payload[SALESFORCE_REFERENCE_FIELD] = opportunity.id;
    // Check the body as it will be submitted, so a submission Google would refuse stops here; a
    // path the mapping already reported (a past close date) is not reported again as missing.
    const wire = mergeFindings(mapper.mapping, findings, submittedBodyFindings(payload));
    const blocking = wire.filter((f) => f.severity === 'error');
    if (blocking.length > 0)
      throw new PortalError(
        'Google',
        'validation',
        `${blocking.length} finding(s) block the Google submission of ${opportunity.id}`,
        { findings: blocking },
      );
    return payload;
  }

  async function patch(name: string, fields: Json): Promise<Opportunity> {
    const mask = leafPaths(fields).join(',');
    return readBack(
      await call('PATCH', `/v1alpha1/${name}?updateMask=${encodeURIComponent(mask)}`, fields),
    );
  }

  async function reconcile(salesforceId: string): Promise<Opportunity | null> {
    for await (const opportunity of queryAll(
      `${SALESFORCE_REFERENCE_FIELD} = "${salesforceId.replace(/["\\]/g, '\\$&')}"`,
    )) {
      if ((opportunity as Json)[SALESFORCE_REFERENCE_FIELD] === salesforceId) return opportunity;
    }
    return null;
  }

  function inboundOf(
    opportunity: Opportunity,
    receivedAt?: string,
  ): InboundPage['referrals'][number] | null {
    const reading = parseGoogleOpportunity(opportunity, receivedAt ? { receivedAt } : {});
    return reading.ok
      ? {
          referral: reading.referral,
          version: opportunity.updateTime ?? opportunity.createTime,
          findings: reading.findings,
        }
      : null;
  }

  return {
    cloud: 'Google',

    async submit({ opportunity, now }: SubmitRequest): Promise<PortalRecordState> {
      const payload = mapped(opportunity, now);
      let current = await reconcile(opportunity.id);
      if (!current) {
        try {
          current = readBack(
            await call('POST', '/v1alpha1/opportunities', { ...payload, state: 'DRAFT' }),
          );
        } catch (error) {
          // The answer was lost, not necessarily the create: give the request time to land and
          // look for the draft it made before a retry may create another.
          const found = await landedAfterLostAnswer(
            error,
            () => reconcile(opportunity.id),
            timeoutMs,
          );
          if (!found) throw error;
          current = found;
        }
      }
      if (current.state === 'DRAFT') {
        // A draft (just made, or left by an earlier attempt) is brought up to date and submitted in one patch.
        const { state: _draft, ...content } = payload;
        current = await patch(current.name, { ...content, state: 'SUBMITTED' });
      }
      return googleStateOf(current);
    },

    async update({ opportunity, portalId, now }: UpdateRequest): Promise<PortalRecordState> {
      // Computed from a fresh read (Google has no etag on this resource; updateTime is the version).
      const current = await get(portalId);
      const state = googleStateOf(current);
      if (state.locked) {
        throw new PortalError(
          'Google',
          'locked',
          `Google is reviewing ${portalId}; the edit waits`,
          { findings: [lockedInReviewFinding()] },
        );
      }
      const { state: _state, ...content } = mapped(opportunity, now);
      return googleStateOf(await patch(portalId, content));
    },

    async fetch(portalId: string): Promise<PortalRecordState> {
      return googleStateOf(await get(portalId));
    },

    async listInbound(cursor: string | null): Promise<InboundPage> {
      checkedTimeCursor('Google', 'Google', 'updateTime', cursor);
      const referrals: InboundPage['referrals'] = [];
      let newest = cursor;
      // `>=`: an opportunity changed in the same instant as the last one seen is not skipped (the engine dedupes).
      for await (const opportunity of queryAll(
        cursor ? `updateTime >= "${cursor}"` : '',
        'updateTime',
      )) {
        const changed = opportunity.updateTime ?? opportunity.createTime;
        if (!newest || Date.parse(changed) > Date.parse(newest)) newest = changed;
        const delivery = inboundOf(opportunity);
        if (delivery) referrals.push(delivery);
      }
      return { referrals, cursor: newest };
    },

    async decide({ portalId, decision, declineReason, feedback }: ReferralDecision): Promise<void> {
      // v1alpha1 has no accept/decline method: the answer goes to the Google owner in the ISV notes.
      const current = await get(portalId);
      const note =
        decision === 'accept'
          ? 'Accepted by the partner: we will engage the customer and update the opportunity.'
          : `Declined by the partner: ${[declineReason, feedback].filter((part) => part?.trim()).join(' — ') || 'no reason given'}`;
      if ((current.isvSolutionConnectInfo as Json | undefined)?.notes === note) return;
      await patch(portalId, { isvSolutionConnectInfo: { notes: note } });
    },

    async readEvent(body: unknown): Promise<PortalEventReading> {
      const push = parseOpportunityPush(body);
      if (!push.ok)
        throw new PortalError(
          'Google',
          'validation',
          'the push message is not a Cloud Channel opportunity event',
          { findings: push.findings },
        );
      if (push.notice.partner !== partner) {
        throw new PortalError(
          'Google',
          'validation',
          `the push is for ${push.notice.partner}, not ${partner}`,
          {
            findings: [
              {
                code: 'GOOGLE_PUSH_OTHER_PARTNER',
                severity: 'error',
                cloud: 'Google',
                path: '$.message.data.opportunityEvent.partner',
                message: `this service handles ${partner} only`,
              },
            ],
          },
        );
      }
      if (push.notice.eventType === 'PARTNER_DETACHED')
        return { kind: 'detached', portalId: push.notice.opportunity };
      const opportunity = await get(push.notice.opportunity);
      if (opportunity.source && /GOOGLE/.test(opportunity.source)) {
        const delivery = inboundOf(
          opportunity,
          push.notice.eventType === 'CREATED' ? push.notice.publishTime : undefined,
        );
        if (!delivery)
          throw new PortalError(
            'Google',
            'validation',
            `${opportunity.name} cannot enter the inbox`,
            { findings: parseGoogleOpportunity(opportunity).findings },
          );
        return { kind: 'inbound', delivery };
      }
      const reference = (opportunity as Json)[SALESFORCE_REFERENCE_FIELD];
      return {
        kind: 'engagement',
        state: googleStateOf(opportunity),
        salesforceId: typeof reference === 'string' ? reference : null,
      };
    },
  };
}
