// The keys two account lists are joined on: a company name stripped of legal form and punctuation,
// and the registrable web domain, so "Northwind Traders, Inc." at www.northwind.com and
// "NORTHWIND TRADERS" at https://eu.northwind.com/about land on the same keys.
import { getDomain } from 'tldts';

/** Legal forms and filler that never tell two companies apart. */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pte',
  'kk',
  'the',
]);

/** Words that many unrelated companies share: dropping them gives the weaker "name core" key. */
const GENERIC_WORDS = new Set([
  'group',
  'holding',
  'holdings',
  'international',
  'global',
  'technologies',
  'technology',
  'tech',
  'systems',
  'solutions',
  'services',
  'software',
  'labs',
  'enterprises',
  'industries',
  'partners',
  'worldwide',
  'americas',
  'emea',
  'apac',
  'europe',
  'uk',
  'us',
  'usa',
  'na',
  'north',
  'america',
]);

/** Mailbox and social hosts: a contact at gmail.com says nothing about the company. */
const SHARED_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'linkedin.com',
  'facebook.com',
  'example.com',
]);

/** Printable ASCII only: nothing for NFKD to decompose, no accent to strip. */
const ASCII_ONLY = /^[ -~]*$/;

function words(name: string): string[] {
  // Most names are plain ASCII, and decomposing them was half of this function's time in a lint
  // of a big export (one call per deal without an account Id).
  const plain = ASCII_ONLY.test(name)
    ? name
    : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return (
    plain
      .toLowerCase()
      .replace(/&/g, ' and ')
      // Abbreviations and brand dots ("S.A.", "Amazon.com") become one word on both sides.
      .replace(/['’.]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0)
  );
}

/** The company name as a join key, or null when nothing distinctive is left. */
export function normaliseCompanyName(name: string | null | undefined): string | null {
  if (!name) return null;
  const kept = words(name).filter((word) => !LEGAL_FORMS.has(word));
  return kept.length > 0 ? kept.join(' ') : null;
}

/**
 * The name without generic words ("Fabrikam Health Group" → "fabrikam health"), for the weak match
 * that goes to review. Null when it equals the full key or nothing is left.
 */
export function companyNameCore(normalised: string | null): string | null {
  if (!normalised) return null;
  const core = normalised.split(' ').filter((word) => !GENERIC_WORDS.has(word) && word !== 'and');
  const joined = core.join(' ');
  return core.length > 0 && joined !== normalised ? joined : null;
}

/**
 * The registrable domain of a website, URL, bare host or email address (public suffix aware, so
 * northwind.co.uk stays whole), or null when it is missing, malformed or a shared mailbox host.
 */
export function normaliseWebDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase();
  if (host === '') return null;
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const domain = getDomain(host.includes('://') ? host : `http://${host}`);
  if (!domain || SHARED_DOMAINS.has(domain)) return null;
  return domain;
}
