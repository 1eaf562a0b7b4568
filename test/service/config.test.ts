import { describe, expect, it } from '@jest/globals';
import {
  ConfigError,
  loadConfig,
  salesforceConnected,
} from '../../middleware/src/service/config.js';

describe('service configuration', () => {
  it('runs fully embedded with no variables set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      AWS_MODE: 'sandbox',
      MS_MODE: 'sandbox',
      GOOGLE_MODE: 'sandbox',
      COSELL_DATA_DIR: '.cosell-data',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(salesforceConnected(config)).toBe(false);
  });

  it('names every missing Salesforce variable once one of them is set', () => {
    try {
      loadConfig({ SF_USERNAME: 'cosell-integration@acme.example' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/SF_LOGIN_URL: required/);
      expect(problems).toMatch(/SF_CLIENT_ID: required/);
      expect(problems).toMatch(/SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE/);
    }
  });

  it('refuses a bad port, a bad URL and malformed tokens with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      'PORT: must be a port number from 0 to 65535',
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'PORT: must be a port number from 0 to 65535',
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() =>
      loadConfig({ COSELL_API_TOKENS: '[{"token":"short","persona":"ae","name":"x"}]' }),
    ).toThrow(/COSELL_API_TOKENS/);
    expect(() =>
      loadConfig({
        COSELL_API_TOKENS: '[{"token":"0123456789abcdef0123456789","persona":"cfo","name":"x"}]',
      }),
    ).toThrow(/COSELL_API_TOKENS/);
    // The persona a webhook relay holds is one the API knows.
    expect(
      loadConfig({
        COSELL_API_TOKENS:
          '[{"token":"0123456789abcdef0123456789","persona":"portal-webhook","name":"eventbridge-relay"}]',
      }).COSELL_API_TOKENS,
    ).toContain('portal-webhook');
  });

  it('says how to fix COSELL_API_TOKENS: the entry, the 24-character minimum, the personas, the settings', () => {
    const problems = (value: string): string => {
      try {
        loadConfig({ COSELL_API_TOKENS: value });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the configuration to be refused');
    };
    const both = problems(
      '[{"token":"0123456789abcdef0123456789","persona":"ae","name":"alice","userId":"005Hs00000AEa01AAA"},{"token":"abcde","persona":"boss","name":"bob"}]',
    );
    expect(both).toContain(
      'COSELL_API_TOKENS entry 2 ("bob"): token has 5 characters; use at least 24 random characters',
    );
    expect(both).toContain(
      'COSELL_API_TOKENS entry 2 ("bob"): persona "boss" is not one of ae, alliance-ops, revops, admin, portal-webhook',
    );
    expect(both).not.toContain('entry 1');
    expect(problems('[{"token":"0123456789abcdef0123456789","persona":"ae"}]')).toContain(
      'COSELL_API_TOKENS entry 1: name is missing',
    );
    expect(
      problems('[{"token":"0123456789abcdef0123456789","persona":"ae","name":"a","role":"x"}]'),
    ).toContain('"role" is not a setting of a token; the settings are token, persona, name');
    expect(problems('{"token":"0123456789abcdef0123456789"}')).toContain(
      'COSELL_API_TOKENS: must be a JSON list of token entries, for example [{"token"',
    );
    expect(problems("[{token:'x'}]")).toMatch(
      /COSELL_API_TOKENS: is not JSON \(.+\); give a list such as \[/,
    );
  });

  it('switches each portal to live independently and requires what live needs', () => {
    expect(() => loadConfig({ AWS_MODE: 'live' })).toThrow(/AWS_SOLUTION_ID/);
    const config = loadConfig({
      AWS_MODE: 'live',
      AWS_SOLUTION_ID: 'S-0012345',
      AWS_CATALOG: 'AWS',
    });
    expect(config).toMatchObject({ AWS_MODE: 'live', MS_MODE: 'sandbox', GOOGLE_MODE: 'sandbox' });
    expect(() => loadConfig({ GOOGLE_MODE: 'live', GOOGLE_PARTNER_ID: 'C01abc' })).toThrow(
      /GOOGLE_APPLICATION_CREDENTIALS/,
    );
  });

  it('needs the co-sell solutions to share with Microsoft live, and reads them as a list', () => {
    expect(() => loadConfig({ MS_MODE: 'live', MS_ACCESS_TOKEN: 'token' })).toThrow(
      /MS_SOLUTION_IDS: required in live mode \(Partner Center refuses to share a referral with Microsoft without a co-sell-ready solution\)/,
    );
    expect(() =>
      loadConfig({ MS_MODE: 'live', MS_ACCESS_TOKEN: 'token', MS_SOLUTION_IDS: ' , ' }),
    ).toThrow(/MS_SOLUTION_IDS: required/);
    const config = loadConfig({
      MS_MODE: 'live',
      MS_ACCESS_TOKEN: 'token',
      MS_SOLUTION_IDS: 'SOL-15974-MQF, 6d7a9f1e-3b2c-4f4e-9a51-0c2d8e7b1a90,SOL-15974-MQF',
    });
    expect(config.MS_SOLUTION_IDS).toEqual([
      'SOL-15974-MQF',
      '6d7a9f1e-3b2c-4f4e-9a51-0c2d8e7b1a90',
    ]);
    expect(loadConfig({}).MS_SOLUTION_IDS).toEqual([]);
  });

  it('sends Google Cloud as the product family unless told which', () => {
    expect(loadConfig({}).GOOGLE_PRODUCT_FAMILIES).toEqual(['GOOGLE_CLOUD_PLATFORM']);
    expect(loadConfig({ GOOGLE_PRODUCT_FAMILIES: '' }).GOOGLE_PRODUCT_FAMILIES).toEqual([
      'GOOGLE_CLOUD_PLATFORM',
    ]);
    expect(
      loadConfig({ GOOGLE_PRODUCT_FAMILIES: 'GOOGLE_WORKSPACE, GOOGLE_CLOUD_PLATFORM' })
        .GOOGLE_PRODUCT_FAMILIES,
    ).toEqual(['GOOGLE_WORKSPACE', 'GOOGLE_CLOUD_PLATFORM']);
  });
});
