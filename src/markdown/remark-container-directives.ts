import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';

/**
 * Parse `:::name` container blocks only. remark-directive also parses `:name` inside text,
 * which turns everyday writing such as "10:30" or "ratio 1:3" into broken directives
 * (remarkjs/remark-directive#5, #19, #26); briefkit uses none of the inline forms.
 */
export function remarkContainerDirectives(this: Processor): void {
  const data = this.data();
  const syntax = directive();
  const flow = syntax.flow?.[58];
  const container = Array.isArray(flow) ? flow[0] : flow;
  (data.micromarkExtensions ??= []).push({ flow: { 58: container! } });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}
