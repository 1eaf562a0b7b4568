// `npm start` rebuilds lib/ with `tsc --noCheck` (scripts/build-if-stale.mjs). That JavaScript is the
// same as a checked build's only while every file can be compiled on its own and type-only imports
// are written as such; these options make tsc refuse code that breaks either, at `npm test`.
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

function buildOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  expect(parsed.errors).toEqual([]);
  return parsed.options;
}

describe('the build npm start runs without type checks', () => {
  it('compiles each file on its own and keeps type-only imports explicit', () => {
    const options = buildOptions();
    expect(options.isolatedModules).toBe(true);
    expect(options.verbatimModuleSyntax).toBe(true);
  });
});
