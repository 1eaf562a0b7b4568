// The preview's connection to the local org: its origin and access token, which the page that loads
// the bundle puts in window.cosellPreview. Every LDS stand-in calls the org's UI API through here.
const settings = (typeof window !== 'undefined' && window.cosellPreview) || {};

export const currentUser = { id: settings.userId, isGuest: false };

/** Who the page acts as (admin, ae, alliance-ops, revops) and the personas it may switch to. */
export const personas = { current: settings.persona, all: settings.personas || [] };

/** Where the org serves a static resource, as @salesforce/resourceUrl gives it on a Lightning page. */
export function orgResourceUrl(name) {
  return `${settings.instanceUrl || ''}/resource/${name}`;
}

/** The shape LDS gives a failed request: status, statusText and the UI API's error body. */
export class FetchResponseError extends Error {
  constructor(status, statusText, body) {
    super(describe(body) || `${status} ${statusText}`);
    this.status = status;
    this.statusText = statusText;
    this.body = body;
    this.ok = false;
  }
}

function describe(body) {
  if (Array.isArray(body))
    return body
      .map((entry) => entry && entry.message)
      .filter(Boolean)
      .join(' ');
  return body && typeof body.message === 'string' ? body.message : '';
}

/** Calls <instance>/services/data/v<version><path> with the token; answers the parsed JSON. */
export async function uiApi(path, { method = 'GET', body } = {}) {
  if (!settings.instanceUrl) {
    throw new FetchResponseError(0, 'No org', [
      { errorCode: 'NO_ORG', message: 'The preview has no local org to talk to.' },
    ]);
  }
  const response = await fetch(
    `${settings.instanceUrl}/services/data/v${settings.apiVersion || '63.0'}${path}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${settings.accessToken}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text };
  }
  if (!response.ok) throw new FetchResponseError(response.status, response.statusText, parsed);
  return parsed;
}

const refreshers = new WeakMap();

/**
 * A wire adapter class from a loader: each config change loads again, and refresh() re-runs the
 * last config (what refreshApex and notifyRecordUpdateAvailable do for LDS wires).
 */
export function wireAdapter(
  load,
  {
    isReady = () => true,
    shape = (data, error) => ({ data, error }),
    onConnect,
    onDisconnect,
  } = {},
) {
  return class {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      this.sequence = 0;
    }
    update(config) {
      this.config = config;
      if (isReady(config)) this.refresh();
    }
    connect() {
      if (onConnect) onConnect(this);
    }
    disconnect() {
      this.sequence += 1;
      if (onDisconnect) onDisconnect(this);
    }
    async refresh() {
      const sequence = ++this.sequence;
      const config = this.config;
      let value;
      try {
        value = shape(await load(config), undefined, this);
      } catch (error) {
        value = shape(undefined, error, this);
      }
      // A later config or refresh superseded this answer.
      if (sequence === this.sequence) {
        refreshers.set(value, () => this.refresh());
        this.dataCallback(value);
      }
    }
  };
}

/** Re-runs the wire that provided this value; resolves when its new value has been delivered. */
export function refreshWiredValue(value) {
  const refresh = value && refreshers.get(value);
  return refresh ? refresh() : Promise.resolve();
}
