import { z } from 'zod';
import { LINK_SCHEMES, WEB_SCHEMES, urlProblem } from '../paths/safe-url.js';

/** A zod check that a string obeys the link rule of `src/paths/safe-url.ts` (hint in `params.hint`). */
function urlSchema(schemes: readonly string[]) {
  return z.string().superRefine((value, context) => {
    const problem = urlProblem(value, schemes);
    if (problem) context.addIssue({ code: 'custom', message: problem.reason, params: { hint: problem.hint } });
  });
}

/** An address that becomes a link: http(s), mailto or tel, nothing else. */
export const linkUrl = urlSchema(LINK_SCHEMES);

/** The address the site is served from: http(s) only. */
export const webUrl = urlSchema(WEB_SCHEMES);

/** A zod refinement message with a hint, for values that are not URLs (a blank variable, a DOI). */
export function hinted(message: string, hint: string): { code: 'custom'; message: string; params: { hint: string } } {
  return { code: 'custom', message, params: { hint } };
}
