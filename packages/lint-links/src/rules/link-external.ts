import { defineRule, getLintContext, report } from '@llm-notes/core';
import type { UrlResult } from '../external/check-url.js';
import { noteFacts } from '../facts.js';

/** Where `lint --external` puts the network's answers, by URL, for the rule to report. */
export const EXTERNAL_RESULTS = 'link-external:results';
/** Per note, the lines whose links were checked (`--changed-since`); all lines when absent. */
export const EXTERNAL_LINES = 'link-external:lines';
/** The wording of a link the network could not settle: reported as a warning whatever the rule's severity. */
export const UNCONFIRMED = 'could not be confirmed';

const EXTERNAL = /^https?:\/\//iu;

/**
 * A rule like the others (severity in config, `<!-- lint ignore link-external -->`),
 * whose facts come from the network: it reports only in a run of `notes lint
 * --external`, which checks the URLs first and hands the answers to the rule.
 * Without them (any other run, or the rule used as a plain plugin) it is silent.
 */
export const linkExternal = defineRule(
  {
    id: 'link-external',
    description: 'An external `http(s)` link must answer; checked over the network by `notes lint --external` only.',
    fixable: false,
    defaultSeverity: 'error',
    docs: {
      fail: '[论文](https://example.com/a-page-that-is-gone)\n\n<!-- the server answers 404 Not Found -->\n',
      messages: ['1:1: External link `https://example.com/a-page-that-is-gone` is broken: HTTP 404'],
      pass: '[论文](https://example.com/)\n\n<!-- the server answers 200 OK -->\n',
    },
  },
  (tree, file) => {
    const context = getLintContext(file);
    const results = context?.cache.get(EXTERNAL_RESULTS) as ReadonlyMap<string, UrlResult> | undefined;
    if (!results) return;
    const onlyLines = (context?.cache.get(EXTERNAL_LINES) as ReadonlyMap<string, ReadonlySet<number>> | undefined)?.get(file.path);
    for (const link of noteFacts(tree, String(file.value)).links) {
      if (!EXTERNAL.test(link.url)) continue;
      const line = link.position?.start.line;
      if (onlyLines && (line === undefined || !onlyLines.has(line))) continue;
      const result = results.get(link.url);
      if (!result || result.verdict === 'ok') continue;
      const broken = result.verdict === 'broken';
      // A link the network could not settle (429, anti-bot wall, deadline) is a warning whatever the rule's severity.
      report(file, `External link \`${link.url}\` ${broken ? 'is broken' : UNCONFIRMED}: ${result.detail}`, link.position, { warningOnly: !broken });
    }
  },
);
