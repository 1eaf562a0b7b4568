// Guesses which of the five field layers a referral came from, using the referrer's title, role,
// email and any hint the portal gives, across AWS, Microsoft and Google role vocabularies.
import { SOURCE_LAYERS, type SourceLayer } from '../model.js';

export type SourceLayerConfidence = 'high' | 'low' | 'none';

export interface SourceLayerInput {
  title?: string | null;
  role?: string | null;
  email?: string | null;
  /** A classification the portal or a person already gave ("Account Team", "layer 3", "PDM"...). */
  hint?: string | null;
}

export interface SourceLayerInference {
  layer: SourceLayer | null;
  /** The keyword that decided it, as found in the (lower-cased) input; null when nothing matched. */
  matched: string | null;
  confidence: SourceLayerConfidence;
  /** Which input field the keyword came from. */
  field: 'hint' | 'role' | 'title' | 'email' | null;
}

interface LayerRule {
  layer: SourceLayer;
  /** Matched against lower-cased text whose punctuation has become single spaces. */
  pattern: RegExp;
  /** Two-letter abbreviations and bare generic words are weak evidence. */
  strength: 'strong' | 'weak';
}

const LEADER_WORDS =
  'lead|leader|leads|director|head|vp|vice president|svp|evp|gm|general manager|managing director|chief|executive director';
const LEADER = `(?:${LEADER_WORDS})`;
const REGION_OR_SEGMENT = String.raw`(?:regional|region|area|district|territory|country|geo|amer|americas|north america|na|latam|emea|europe|apj|apac|asia pacific|anz|japan|uk|dach|nordics|benelux|segment|enterprise|mid market|midmarket|smb|smc|scale|corporate|commercial|public sector)`;
const WORKLOAD = String.raw`(?:data|analytics|ai|ml|machine learning|genai|generative ai|security|database|databases|migration|modernisation|modernization|containers|serverless|networking|storage|sap|hpc|iot|infrastructure|infra|devops|app dev|apps)`;

/**
 * Ordered: the first rule that matches wins. Partner-sales managers come before the partner
 * programme because AWS PSMs carry named-account revenue like layer 3; specialists come before the
 * account team so "Specialist Customer Engineer" is layer 4; industry and strategic-account leaders
 * come before regional leaders, and bare executive titles come last.
 */
const LAYER_RULES: readonly LayerRule[] = [
  { layer: 'Account Team', pattern: /\bpartner sales managers?\b|\bpsms?\b/, strength: 'strong' },

  {
    layer: 'Partner Program',
    pattern:
      /\bpartner (?:development|technology strategist|solutions? architect|success|account manager|manager|program|programme|engineer|alliances?|ecosystem|organi[sz]ation|team|lead|director)\b|\bpdms?\b|\bpts\b|\bisv (?:success|partners?)\b|\balliances? (?:manager|lead|director)\b|\bchannel (?:manager|lead|director)\b/,
    strength: 'strong',
  },
  { layer: 'Partner Program', pattern: /\bpartners?\b|\balliances?\b/, strength: 'weak' },

  {
    layer: 'Specialist',
    pattern: new RegExp(
      String.raw`\bspecialists?\b|\bssps?\b|\btsps?\b|\bstu\b|\bglobal black belt\b|\bgbb\b|\bwwso\b|\b${WORKLOAD} (?:solutions? architect|sa|customer engineer|ce|technical (?:lead|architect))\b|\bcustomer engineer (?:for )?${WORKLOAD}\b`,
    ),
    strength: 'strong',
  },

  {
    layer: 'Executive/Industry',
    pattern: new RegExp(
      String.raw`\b(?:industry|vertical|strategic accounts?)\b.*\b${LEADER}\b|\b${LEADER}\b.*\b(?:industry|vertical|strategic accounts?)\b|\bindustry executive\b`,
    ),
    strength: 'strong',
  },

  {
    layer: 'Account Team',
    pattern:
      /\baccount (?:executive|manager|director|lead|team|technology strategist)\b|\bats\b|\bcustomer success\b|\bcsms?\b|\bcsams?\b|\bcsu\b|\bcloud solutions? architect\b|\bcsas?\b|\btechnical account managers?\b|\btams?\b|\bfield sales representative\b|\bfsrs?\b|\bcustomer engineer\b|\bsolutions? architect\b|\bsales representative\b|\bseller\b/,
    strength: 'strong',
  },
  { layer: 'Account Team', pattern: /\baes?\b|\bsas?\b|\bces?\b/, strength: 'weak' },

  {
    layer: 'Regional/Segment',
    pattern: new RegExp(
      String.raw`\b${REGION_OR_SEGMENT}\b.*\b(?:${LEADER_WORDS}|manager)\b|\b${LEADER}\b.*\b${REGION_OR_SEGMENT}\b`,
    ),
    strength: 'strong',
  },
  {
    layer: 'Regional/Segment',
    pattern: /\bsales (?:director|manager|leader)\b|\bdirector of sales\b/,
    strength: 'weak',
  },

  {
    layer: 'Executive/Industry',
    pattern:
      /\bvice president\b|\b[se]?vp\b|\bchief\b|\bc[teio]o\b|\bgeneral manager\b|\bmanaging director\b|\bgm\b/,
    strength: 'strong',
  },
  { layer: 'Executive/Industry', pattern: /\bdirector\b|\bhead of\b/, strength: 'weak' },
];

/** Lower-case, with "&", "/", "-", "." and other punctuation turned into single spaces. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** An explicit classification: a layer's own name, its number ("layer 3", "L3", "3"). */
function explicitLayer(hint: string): SourceLayer | null {
  const wanted = hint.trim().toLowerCase();
  const byName = SOURCE_LAYERS.find((layer) => layer.toLowerCase() === wanted);
  if (byName) return byName;
  const byNumber = /^(?:layer\s*|l)?([1-5])$/.exec(wanted);
  return byNumber ? (SOURCE_LAYERS[Number(byNumber[1]) - 1] ?? null) : null;
}

function matchText(text: string): { rule: LayerRule; matched: string } | null {
  const normalised = normalise(text);
  for (const rule of LAYER_RULES) {
    const found = rule.pattern.exec(normalised);
    if (found) return { rule, matched: found[0].trim() };
  }
  return null;
}

/** The local part of an address, with its separators as spaces: "aws-pdm.emea@amazon.com" → "aws pdm emea". */
function emailWords(email: string): string {
  const at = email.indexOf('@');
  return (at >= 0 ? email.slice(0, at) : email).replace(/[._+-]+/g, ' ');
}

/**
 * Infers the source layer. The hint is trusted first (it is an explicit classification), then the
 * role, then the title; the email's local part is a last resort and only ever low confidence.
 * Returns layer null (confidence 'none') when nothing matches: the caller flags "classify source".
 */
export function inferSourceLayer(input: SourceLayerInput): SourceLayerInference {
  const hint = input.hint?.trim();
  if (hint) {
    const explicit = explicitLayer(hint);
    if (explicit)
      return { layer: explicit, matched: hint.toLowerCase(), confidence: 'high', field: 'hint' };
  }
  const fields: Array<['hint' | 'role' | 'title' | 'email', string | null | undefined]> = [
    ['hint', hint],
    ['role', input.role],
    ['title', input.title],
    ['email', input.email ? emailWords(input.email) : null],
  ];
  for (const [field, text] of fields) {
    if (!text?.trim()) continue;
    const found = matchText(text);
    if (!found) continue;
    const confidence = field === 'email' || found.rule.strength === 'weak' ? 'low' : 'high';
    return { layer: found.rule.layer, matched: found.matched, confidence, field };
  }
  return { layer: null, matched: null, confidence: 'none', field: null };
}
