import type { Plugin } from 'vite';

interface Rewrite {
  /** The one library module it applies to. */
  file: RegExp;
  find: RegExp;
  replace: string;
  why: string;
}

/**
 * Two library code paths the extension never runs, removed from the bundles so that the store
 * linters (`web-ext lint`, addons.mozilla.org review) find no eval and no HTML sink in our code:
 * - webpack's global-object fallback inside the Stringee SDK, `new Function("return this")()`,
 *   reached only where `globalThis` does not exist (no browser we support);
 * - Preact's `dangerouslySetInnerHTML` assignment: we never render raw HTML (the content script
 *   shares a renderer with the page), and now cannot by mistake: using it throws.
 * A rewrite that no longer matches (the library changed) fails the build rather than pass silently.
 */
const REWRITES: Rewrite[] = [
  {
    file: /\/node_modules\/stringee\/index\.js$/,
    find: /new Function\("return this"\)\(\)/g,
    replace: 'globalThis',
    why: "the SDK's webpack global-object fallback",
  },
  {
    file: /\/node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g,
    replace: '(()=>{throw Error("dangerouslySetInnerHTML is not used in this extension")})()',
    why: "Preact's dangerouslySetInnerHTML",
  },
];

export function noCodeSinks(): Plugin {
  return {
    name: 'c2c-no-code-sinks',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!;
      const rewrite = REWRITES.find((r) => r.file.test(path));
      if (!rewrite) return null;
      const out = code.replace(rewrite.find, rewrite.replace);
      if (out === code) {
        throw new Error(`no-code-sinks: ${rewrite.why} not found in ${path}; the library changed, check the rewrite`);
      }
      return { code: out, map: null };
    },
  };
}
