// Flags shared by several `cosell` commands, so every command spells clouds and formats alike.
import { Flags } from '@salesforce/sf-plugins-core';
import { CLOUDS, type Cloud } from '../core/model.js';

const CLOUD_BY_FLAG: Record<string, Cloud> = { aws: 'AWS', microsoft: 'Microsoft', google: 'Google' };

/** `--cloud aws|microsoft|google`, parsed to the canonical cloud name. */
export const cloudFlag = Flags.custom<Cloud>({
  char: 'c',
  options: Object.keys(CLOUD_BY_FLAG),
  parse: async (input: string) => {
    const cloud = CLOUD_BY_FLAG[input.toLowerCase()];
    if (!cloud) throw new Error(`Unknown cloud "${input}": use one of ${Object.keys(CLOUD_BY_FLAG).join(', ')}`);
    return cloud;
  },
});

/** Canonical cloud name → its flag spelling. */
export function cloudFlagValue(cloud: Cloud): string {
  return cloud.toLowerCase();
}

export const SUPPORTED_CLOUDS = CLOUDS;
