import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { CloudName, CoSellOpportunity, anyCaseName } from '../../middleware/src/core/model.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';

describe('cloud names in any case', () => {
  it('parses every spelling to the canonical name and refuses other clouds, listing the three', () => {
    expect(['aws', 'AWS', 'Aws', ' aws '].map((name) => CloudName.parse(name))).toEqual([
      'AWS',
      'AWS',
      'AWS',
      'AWS',
    ]);
    expect(['microsoft', 'MICROSOFT'].map((name) => CloudName.parse(name))).toEqual([
      'Microsoft',
      'Microsoft',
    ]);
    expect(CloudName.parse('google')).toBe('Google');
    const refused = CloudName.safeParse('azure');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'must be one of AWS, Microsoft, Google (in any case)',
    );
  });

  it('publishes a JSON Schema pattern that a client without regex flags applies the same way', () => {
    const schema = z.toJSONSchema(CloudName, { io: 'input', unrepresentable: 'any' }) as {
      type: string;
      pattern: string;
    };
    expect(schema.type).toBe('string');
    const pattern = new RegExp(schema.pattern);
    expect(['aws', 'MicroSoft', 'GOOGLE'].every((name) => pattern.test(name))).toBe(true);
    expect(pattern.test('azure')).toBe(false);
    expect(
      (z.toJSONSchema(CloudName, { io: 'output', unrepresentable: 'any' }) as { enum: string[] })
        .enum,
    ).toEqual(['AWS', 'Microsoft', 'Google']);
    expect(anyCaseName(['portal-webhook']).parse('Portal-Webhook')).toBe('portal-webhook');
  });

  it('reads the clouds of an opportunity body in any case', () => {
    const deal = dataPlatformDeal();
    const body = { ...deal, coSell: { ...deal.coSell, clouds: ['microsoft', 'AWS'] } };
    expect(CoSellOpportunity.parse(body).coSell.clouds).toEqual(['Microsoft', 'AWS']);
  });
});
