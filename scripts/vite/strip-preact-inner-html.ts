import type { Plugin } from 'vite';

const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs(\?.*)?$/;

// Preact's only write to `innerHTML`, in minified form: `(dom.innerHTML=props.__html)`.
const INNER_HTML_WRITE = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

const REPLACEMENT =
  '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension; render elements instead.")})()';

/**
 * Removes Preact's support for `dangerouslySetInnerHTML` from the production bundle, so that
 * the popup and options pages contain no `innerHTML` write at all. This extension never uses
 * the prop, and it renders text taken from web pages, so an HTML sink would only be a risk.
 * It also keeps `web-ext lint` free of the UNSAFE_VAR_ASSIGNMENT warning that AMO reviewers
 * see. A component that passes the prop anyway throws when it renders.
 *
 * The build fails when the pattern is not found exactly once, for example after a Preact
 * upgrade changes its minified output, so the removal cannot silently stop working.
 */
export function stripPreactInnerHtml(): Plugin {
  return {
    name: 'strip-preact-inner-html',
    apply: 'build',
    transform(code, id) {
      if (!PREACT_BUNDLE.test(id)) return null;

      const count = code.match(INNER_HTML_WRITE)?.length ?? 0;
      if (count !== 1) {
        this.error(
          `Expected exactly one innerHTML write in ${id}, found ${count}. ` +
            'Update INNER_HTML_WRITE in scripts/vite/strip-preact-inner-html.ts for this Preact version.',
        );
      }
      return { code: code.replace(INNER_HTML_WRITE, REPLACEMENT), map: null };
    },
  };
}
