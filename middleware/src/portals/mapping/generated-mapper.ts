// Compiles a mapping to one JavaScript function, once, so mapping an opportunity runs straight-line
// code: each rule's paths become fixed property reads and writes, its transform a direct call. Only
// the common case is generated (a usable CRM value that converts); every other case (empty, in the
// past, rejected, onlyWith not met) hands the rule to the engine's rule-by-rule `applyField`, so the
// fallback chain and every finding stay written once, in engine.ts.
import type { CompiledContactList, CompiledField, CompiledMapping } from './compile.js';
import type { ContactFiller, PortalPayload, Run } from './engine.js';
import type { PathStep } from './paths.js';

/** Maps `run.opportunity` into `payload`, appending findings to `run.findings`. */
export type GeneratedToPortal = (run: Run, payload: PortalPayload) => void;

/** The engine functions generated code calls back into (passed in, so this module has no runtime import of the engine). */
export type MapperRuntime = {
  applyField(
    rule: CompiledField,
    source: unknown,
    target: PortalPayload,
    jsonPath: string,
    run: Run,
  ): void;
  applyContacts(
    list: CompiledContactList,
    run: Run,
    payload: PortalPayload,
    fill: ContactFiller,
  ): void;
  fitLength(rule: CompiledField, value: unknown, jsonPath: string, run: Run): unknown;
  reportDropped(rule: CompiledField, jsonPath: string, run: Run, dropped: string[]): void;
  put(parent: Record<PropertyKey, unknown>, key: PathStep, value: unknown): void;
};

/** A property key as source text: keys and indexes enter the code only through JSON.stringify. */
const key = (step: PathStep): string => `[${JSON.stringify(step)}]`;

/** `raw = <source>.a.b`, reading through anything that is not an object as undefined (like `readPath`). */
function readCode(steps: ReadonlyArray<PathStep>, source: string): string {
  let code = `raw = ${source};`;
  for (const step of steps)
    code += ` raw = raw !== null && typeof raw === 'object' ? raw${key(step)} : undefined;`;
  return code;
}

/** Writes `v` at `steps` under `target`, creating containers on the way and merging objects (like `writePath`). */
function writeCode(steps: ReadonlyArray<PathStep>, target: string): string {
  let code = `o = ${target};`;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const fresh = typeof steps[i + 1] === 'number' ? '[]' : '{}';
    code += ` n = o${key(steps[i] as PathStep)}; if (n === null || typeof n !== 'object') { n = ${fresh}; o${key(steps[i] as PathStep)} = n; } o = n;`;
  }
  const last = steps[steps.length - 1] as PathStep;
  return `${code} if (v !== null && typeof v === 'object' && !Array.isArray(v)) rt.put(o, ${JSON.stringify(last)}, v); else o${key(last)} = v;`;
}

/**
 * The most used transforms, written out so the common case allocates no result object: an
 * expression that sets `v` and is true exactly when the transform (transforms.ts) would answer ok
 * with that value. Others return undefined and are called as they are.
 */
function inlineConversion(rule: CompiledField, ref: string): string | undefined {
  switch (rule.transformName) {
    case 'text':
      return "((v = typeof raw === 'string' ? raw.trim() : String(raw)), true)";
    case 'number':
      return "(typeof raw === 'number' && Number.isFinite(raw) && ((v = raw), true))";
    case 'picklist':
      // A value map holds only strings, so `undefined` from it means "no entry".
      return `(typeof raw === 'string' && (v = ${ref}.context.valueMap?.get(raw)${rule.context.passThrough ? ' ?? raw' : ''}) !== undefined)`;
    default:
      return undefined;
  }
}

/**
 * `raw.trim() === ''` for a string `raw` (the engine's isEmpty), trimming only text that starts with a
 * character outside printable ASCII or with a space: text starting with any of `!` to `~` is not blank,
 * and most CRM text does, so most rules skip one trim (a builtin call) per value.
 */
const BLANK_TEXT =
  "(raw.length === 0 || (((k = raw.charCodeAt(0)) <= 32 || k >= 127) && raw.trim() === ''))";

/**
 * One field rule. `ref` names the compiled rule in the generated scope, `path` is an expression for
 * its JSON path (built only when a finding needs it), `source`/`target` the objects read and written.
 */
function fieldCode(
  rule: CompiledField,
  ref: string,
  path: string,
  source: string,
  target: string,
): string {
  const lines: string[] = [];
  const wrote = rule.awaited
    ? ` (run.written ??= new Set()).add(${JSON.stringify(rule.portalPath)});`
    : '';
  if (rule.hasConstant) {
    lines.push(`v = ${ref}.constant; ${writeCode(rule.portalSteps, target)}${wrote}`);
  } else {
    const inline = inlineConversion(rule, ref);
    const usable = [
      `!(raw === undefined || raw === null || (typeof raw === 'string' ? ${BLANK_TEXT} : Array.isArray(raw) && raw.length === 0))`,
      rule.guard === 'dateNotInPast' ? "!(typeof raw === 'string' && raw < run.today)" : '',
      inline ?? `(c = ${ref}.transform.toPortal(raw, ${ref}.context)).ok`,
    ].filter(Boolean);
    const limits: string[] = [];
    if (rule.maxLength !== undefined) limits.push(`v.length > ${rule.maxLength}`);
    if (rule.minLength !== undefined) limits.push(`v.length < ${rule.minLength}`);
    lines.push(
      readCode(rule.canonicalSteps ?? [], source),
      `if (${usable.join(' && ')}) {`,
      inline
        ? ''
        : `  if (c.dropped !== undefined && c.dropped.length > 0) rt.reportDropped(${ref}, ${path}, run, c.dropped);`,
      inline ? '' : '  v = c.value;',
      limits.length > 0
        ? `  if (typeof v === 'string' && (${limits.join(' || ')})) v = rt.fitLength(${ref}, v, ${path}, run);`
        : '',
      `  ${writeCode(rule.portalSteps, target)}${wrote}`,
      `} else rt.applyField(${ref}, ${source}, ${target}, ${path}, run);`,
    );
  }
  const body = lines.filter(Boolean).join('\n');
  if (rule.onlyWith === undefined) return body;
  return `if (run.written !== undefined && run.written.has(${JSON.stringify(rule.onlyWith)})) {\n${body}\n}`;
}

/** The per-contact filler of a contact list rule, as a function expression. */
function contactFillerCode(list: CompiledContactList, ref: string): string {
  const base = list.single ? `${ref}.jsonPath` : `${ref}.jsonPath + '[' + index + ']'`;
  const fields = list.fields.map((field, index) =>
    fieldCode(
      field,
      `${ref}.fields[${index}]`,
      `${base} + ${JSON.stringify(field.jsonPath.slice(1))}`,
      'contact',
      'item',
    ),
  );
  return `function (contact, item, index, run) {\nlet raw, c, v, o, n, k;\n${fields.join('\n')}\n}`;
}

export function generateToPortal(
  mapping: CompiledMapping,
  runtime: MapperRuntime,
): GeneratedToPortal {
  const fillers: string[] = [];
  const body = mapping.rules.map((rule, index) => {
    const ref = `R[${index}]`;
    if (rule.kind === 'contacts') {
      fillers.push(`const fill${index} = ${contactFillerCode(rule, ref)};`);
      return `rt.applyContacts(${ref}, run, payload, fill${index});`;
    }
    return fieldCode(rule, ref, `${ref}.jsonPath`, 'opportunity', 'payload');
  });
  const source = [
    ...fillers,
    'return function generatedToPortal(run, payload) {',
    'const opportunity = run.opportunity;',
    'let raw, c, v, o, n, k;',
    ...body,
    '};',
  ].join('\n');
  const build = new Function('R', 'rt', source) as (
    rules: CompiledMapping['rules'],
    rt: MapperRuntime,
  ) => GeneratedToPortal;
  return build(mapping.rules, runtime);
}
