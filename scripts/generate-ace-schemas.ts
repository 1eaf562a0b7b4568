// Turns AWS's Smithy model of the Partner Central Selling API into committed zod schemas, so a new
// model version is a regeneration and never a hand edit. Run:
//   node --experimental-strip-types scripts/generate-ace-schemas.ts [path/to/model.json]
// Only node built-ins are imported so the script runs under plain type stripping (hence the `.ts`
// specifiers). This file assembles the module; ./ace-schemas/ holds the model reading and emitters.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constraintsOf, memberTreeOf } from './ace-schemas/constraints.ts';
import { fastAggregate, type FastEmitter } from './ace-schemas/fast-emitter.ts';
import { shortName, type Shape, type SmithyModel } from './ace-schemas/smithy.ts';
import { aggregateConst, type Emitter, type Shared } from './ace-schemas/zod-emitter.ts';

export {
  constraintsOf,
  memberTreeOf,
  type ConstraintEntry,
  type ConstraintKind,
  type MemberTree,
} from './ace-schemas/constraints.ts';
export { describePattern, translatePattern } from './ace-schemas/patterns.ts';

export const GENERATE_COMMAND = 'node --experimental-strip-types scripts/generate-ace-schemas.ts';
export const DEFAULT_MODEL_PATH = '../shared/contracts/aws/partnercentral-selling-2022-07-26.json';
export const OUTPUT_PATH = 'middleware/src/portals/aws/generated/ace-schemas.ts';

/** Requests we send: their input shapes are validated strictly. */
export const REQUEST_OPERATIONS = [
  'CreateOpportunity',
  'UpdateOpportunity',
  'AssociateOpportunity',
  'DisassociateOpportunity',
  'StartEngagementFromOpportunityTask',
  'StartEngagementByAcceptingInvitationTask',
  'RejectEngagementInvitation',
  'AssignOpportunity',
] as const;
/** What we read back: their output shapes are validated tolerantly. */
export const RESPONSE_OPERATIONS = [
  'GetOpportunity',
  'ListOpportunities',
  'GetEngagementInvitation',
  'ListEngagementInvitations',
  'GetAwsOpportunitySummary',
] as const;

function serviceOf(model: SmithyModel): { id: string; version: string } {
  const entry = Object.entries(model.shapes).find(([, s]) => s.type === 'service');
  if (!entry) throw new Error('the model defines no service shape');
  return { id: entry[0], version: entry[1].version ?? 'unknown' };
}

function operationShape(model: SmithyModel, namespace: string, operation: string): Shape {
  const shape = model.shapes[`${namespace}#${operation}`];
  if (!shape || shape.type !== 'operation')
    throw new Error(`the model has no operation ${operation}`);
  return shape;
}

/** The whole generated module as text: pure, so a test can compare it with the committed file. */
export function generateAceSchemas(modelText: string, modelFileName: string): string {
  const model = JSON.parse(modelText) as SmithyModel;
  const sha256 = createHash('sha256').update(modelText).digest('hex');
  const service = serviceOf(model);
  const namespace = service.id.slice(0, service.id.indexOf('#'));
  const shared: Shared = {
    enumConsts: new Map(),
    enumLines: [],
    patternConsts: new Map(),
    patternLines: [],
  };
  const request: Emitter = { model, direction: 'request', emitted: new Map(), lines: [] };
  const response: Emitter = { model, direction: 'response', emitted: new Map(), lines: [] };

  const inputs = REQUEST_OPERATIONS.map((op) => {
    const target = operationShape(model, namespace, op).input?.target ?? 'smithy.api#Unit';
    return { op, target, schema: aggregateConst(request, shared, target) };
  });
  const outputs = RESPONSE_OPERATIONS.map((op) => {
    const target = operationShape(model, namespace, op).output?.target ?? 'smithy.api#Unit';
    return { op, target, schema: aggregateConst(response, shared, target) };
  });

  const fastRequest: FastEmitter = {
    model,
    direction: 'request',
    emitted: new Map(),
    lines: [],
    leaves: new Map(),
  };
  const fastResponse: FastEmitter = {
    model,
    direction: 'response',
    emitted: new Map(),
    lines: [],
    leaves: new Map(),
  };
  const fastInputs = inputs.map(({ op, target }) => ({
    op,
    check: fastAggregate(fastRequest, shared, target),
  }));
  const fastOutputs = outputs.map(({ op, target }) => ({
    op,
    check: fastAggregate(fastResponse, shared, target),
  }));

  const constraintLines = [...inputs, ...outputs].map(({ op, target }) => {
    const entries = constraintsOf(model, target).map((c) => `    ${JSON.stringify(c)},`);
    return `  ${op}: [\n${entries.join('\n')}\n  ],`;
  });

  return [
    `// ACE (AWS Partner Central Selling API) wire schemas, generated from the Smithy model.`,
    `// Model: ${modelFileName} · service ${shortName(service.id)} version ${service.version} · Smithy ${model.smithy}`,
    `// Model sha256: ${sha256}`,
    `// generated — do not edit, run \`${GENERATE_COMMAND}\``,
    `/* eslint-disable */`,
    `import { z } from 'zod';`,
    `import { dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union } from '../smithy-zod.js';`,
    ``,
    `export const ACE_MODEL = ${JSON.stringify({ file: modelFileName, service: shortName(service.id), version: service.version, sha256 })} as const;`,
    ``,
    `// Enum wire values, exactly as the model spells them.`,
    ...shared.enumLines,
    ...[...shared.enumConsts.values()].map(
      (name) =>
        `const ${name.replace(/_VALUES$/, '_SET')}: ReadonlySet<unknown> = new Set(${name});`,
    ),
    ``,
    `// Patterns translated from Smithy (unanchored, ECMA-262; \`(?s)\` becomes the s flag).`,
    ...shared.patternLines,
    ``,
    `// Request shapes: strict (an unknown member is an error).`,
    ...request.lines,
    ``,
    `// Response shapes: tolerant (unknown members and newer enum values pass).`,
    ...response.lines,
    ``,
    `// Fast path: boolean checks that agree with the schemas on valid payloads (see the generator).`,
    ...fastRequest.lines,
    ...fastResponse.lines,
    ``,
    `// Touch every helper so an unused import never breaks the build when the model changes.`,
    `void [dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union, z];`,
    ``,
    `export const ACE_REQUEST_SCHEMAS = {`,
    ...inputs.map(({ op, schema }) => `  ${op}: ${schema},`),
    `} as const;`,
    ``,
    `export const ACE_RESPONSE_SCHEMAS = {`,
    ...outputs.map(({ op, schema }) => `  ${op}: ${schema},`),
    `} as const;`,
    ``,
    `/** True only for payloads the schema accepts; false means "ask the schema for findings". */`,
    `export const ACE_FAST_CHECKS: Record<keyof typeof ACE_REQUEST_SCHEMAS | keyof typeof ACE_RESPONSE_SCHEMAS, (payload: unknown) => boolean> = {`,
    ...fastInputs.map(({ op, check }) => `  ${op}: ${check},`),
    ...fastOutputs.map(({ op, check }) => `  ${op}: ${check},`),
    `};`,
    ``,
    `export type AceRequestOperation = keyof typeof ACE_REQUEST_SCHEMAS;`,
    `export type AceResponseOperation = keyof typeof ACE_RESPONSE_SCHEMAS;`,
    ...inputs.map(({ op, schema }) => `export type ${op}Input = z.output<typeof ${schema}>;`),
    ...outputs.map(({ op, schema }) => `export type ${op}Output = z.output<typeof ${schema}>;`),
    ``,
    `export type AceMemberTree = true | readonly [AceMemberTree] | { readonly [member: string]: AceMemberTree };`,
    ``,
    `/** Which members each request may carry (structure → members, list → [item]); read-merge-write projects onto it. */`,
    `export const ACE_REQUEST_MEMBERS: Record<AceRequestOperation, AceMemberTree> = {`,
    ...inputs.map(({ op, target }) => `  ${op}: ${JSON.stringify(memberTreeOf(model, target))},`),
    `};`,
    ``,
    `export interface AceConstraint {`,
    `  path: string;`,
    `  kind: 'required' | 'enum' | 'length' | 'pattern' | 'range' | 'timestamp' | 'union';`,
    `  min?: number;`,
    `  max?: number;`,
    `  pattern?: string;`,
    `  enumShape?: string;`,
    `  format?: string;`,
    `  members?: string[];`,
    `}`,
    ``,
    `/** Every constraint the model states, per operation, at its JSON path (\`[*]\` = any list item). */`,
    `export const ACE_CONSTRAINTS: Record<AceRequestOperation | AceResponseOperation, readonly AceConstraint[]> = {`,
    ...constraintLines,
    `};`,
    ``,
  ].join('\n');
}

function main(argv: string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const modelPath = resolve(root, argv[0] ?? DEFAULT_MODEL_PATH);
  const text = readFileSync(modelPath, 'utf8');
  const output = generateAceSchemas(text, basename(modelPath));
  writeFileSync(resolve(root, OUTPUT_PATH), output);
  process.stdout.write(`wrote ${OUTPUT_PATH} from ${basename(modelPath)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));
