// Startup configuration from SF_* variables: complete settings load, and each mistake stops the
// service with the variable at fault named.
import { generateKeyPairSync } from 'node:crypto';
import {
  loadSalesforceConfig,
  SalesforceConfigError,
  wantsSalesforce,
} from '../../../middleware/src/salesforce/gateway/index.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

const complete = {
  SF_LOGIN_URL: 'https://test.salesforce.com/',
  SF_CLIENT_ID: '3MVG9northwindCoSellIntegration',
  SF_USERNAME: 'cosell.integration@northwind-analytics.com.uat',
  SF_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
};

function keysOf(
  env: Record<string, string | undefined>,
  readFile?: (path: string) => string,
): string[] {
  try {
    loadSalesforceConfig(env, readFile);
  } catch (error) {
    if (error instanceof SalesforceConfigError) return error.keys;
    throw error;
  }
  return [];
}

describe('loadSalesforceConfig', () => {
  it('loads a complete sandbox configuration, unflattening the key and trimming the login URL', () => {
    const config = loadSalesforceConfig(complete);
    expect(config).toEqual({
      loginUrl: 'https://test.salesforce.com',
      clientId: '3MVG9northwindCoSellIntegration',
      username: 'cosell.integration@northwind-analytics.com.uat',
      privateKey: pem,
      instanceUrl: null,
    });
  });

  it('defaults the login URL to production and reads the key from a file', () => {
    const { SF_LOGIN_URL: _login, SF_PRIVATE_KEY: _key, ...rest } = complete;
    const config = loadSalesforceConfig(
      { ...rest, SF_PRIVATE_KEY_FILE: '/run/secrets/sf-integration.key' },
      (path) => (path === '/run/secrets/sf-integration.key' ? pem : ''),
    );
    expect(config.loginUrl).toBe('https://login.salesforce.com');
    expect(config.privateKey).toBe(pem);
  });

  it('names each missing or malformed variable', () => {
    expect(keysOf({ ...complete, SF_CLIENT_ID: '' })).toEqual(['SF_CLIENT_ID']);
    expect(keysOf({ ...complete, SF_USERNAME: 'integration user' })).toEqual(['SF_USERNAME']);
    expect(keysOf({ ...complete, SF_LOGIN_URL: 'login.salesforce.com' })).toEqual(['SF_LOGIN_URL']);
    expect(keysOf({ ...complete, SF_CLIENT_ID: undefined, SF_USERNAME: undefined })).toEqual([
      'SF_CLIENT_ID',
      'SF_USERNAME',
    ]);
  });

  it('asks for a key when none is given, and refuses two or one that is not PEM', () => {
    expect(keysOf({ ...complete, SF_PRIVATE_KEY: undefined })).toEqual(['SF_PRIVATE_KEY']);
    expect(keysOf({ ...complete, SF_PRIVATE_KEY_FILE: '/run/secrets/other.key' })).toEqual([
      'SF_PRIVATE_KEY',
    ]);
    expect(keysOf({ ...complete, SF_PRIVATE_KEY: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' })).toEqual([
      'SF_PRIVATE_KEY',
    ]);
    const unreadable = () => {
      throw new Error('ENOENT: no such file or directory');
    };
    expect(() =>
      loadSalesforceConfig(
        { ...complete, SF_PRIVATE_KEY: undefined, SF_PRIVATE_KEY_FILE: '/missing.key' },
        unreadable,
      ),
    ).toThrow(/SF_PRIVATE_KEY_FILE cannot be read \(ENOENT/);
  });

  it('never echoes the key in the error', () => {
    expect(() => loadSalesforceConfig({ ...complete, SF_USERNAME: 'nope' })).toThrow(
      SalesforceConfigError,
    );
    try {
      loadSalesforceConfig({ ...complete, SF_USERNAME: 'nope' });
    } catch (error) {
      expect((error as Error).message).not.toContain('PRIVATE KEY');
    }
  });

  it('treats any SF_* variable as a request for connected mode', () => {
    expect(wantsSalesforce({})).toBe(false);
    expect(wantsSalesforce({ SF_USERNAME: '  ' })).toBe(false);
    expect(wantsSalesforce({ SF_CLIENT_ID: 'x' })).toBe(true);
  });
});
