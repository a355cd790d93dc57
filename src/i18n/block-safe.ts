/**
 * A translator's text as it must go back into the block it translates: a blank line (which
 * would end the block) is dropped, and a line that Markdown would read as the start of
 * another block (a list item, heading, quote, code fence, thematic break or setext
 * underline) has that mark escaped, so "- перший" stays text in its paragraph.
 */
export function keepInBlock(text: string): string {
  return text
    .replace(/\n[ \t]*(?=\n)/g, '')
    .split('\n')
    .map(escapeBlockStart)
    .join('\n');
}

function escapeBlockStart(line: string): string {
  return line
    .replace(/^([ \t]*)([-+*>]|#{1,6})(?=[ \t]|$)/, '$1\\$2')
    .replace(/^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)/, '$1$2\\$3')
    .replace(/^([ \t]*)(`{3,}|~{3,})/, '$1\\$2')
    .replace(/^([ \t]*)([-_*=])(?=(?:[ \t]*\2)+[ \t]*$)/, '$1\\$2');
}
