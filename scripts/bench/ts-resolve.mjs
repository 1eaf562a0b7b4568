// Lets Node run the TypeScript sources directly (--experimental-transform-types): the sources import
// their siblings as `.js`, as NodeNext requires, so resolve such a specifier to the `.ts` file.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, nextResolve) {
        try {
          return await nextResolve(specifier, context);
        } catch (error) {
          if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\\.{1,2}\\/.*\\.js$/.test(specifier)) throw error;
          return nextResolve(specifier.replace(/\\.js$/, '.ts'), context);
        }
      }
    `),
);
