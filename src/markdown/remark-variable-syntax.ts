import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
import type { Processor } from 'unified';

/** `{{name}}` in Markdown: a country variable, replaced per edition (see remark-variables). */
export interface Variable extends Literal {
  type: 'variable';
  /** What is between the braces, untrimmed: checked later, so a bad name gets a clear error. */
  name: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    variable: Variable;
  }
  interface RootContentMap {
    variable: Variable;
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;

const variableConstruct: Construct = { name: 'variable', tokenize: tokenizeVariable };

function tokenizeVariable(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const start: State = (code: Code) => {
    effects.enter('variable' as never);
    effects.enter('variableMarker' as never);
    effects.consume(code);
    return open;
  };
  const open: State = (code: Code) => {
    if (code !== LEFT_BRACE) return nok(code);
    effects.consume(code);
    effects.exit('variableMarker' as never);
    effects.enter('variableName' as never);
    return name;
  };
  const name: State = (code: Code) => {
    if (code === RIGHT_BRACE && size > 0) {
      effects.exit('variableName' as never);
      effects.enter('variableMarker' as never);
      effects.consume(code);
      return close;
    }
    // No closing braces on this line: not a variable (reported as a stray "{{" later).
    if (code === null || markdownLineEnding(code) || code === LEFT_BRACE || code === RIGHT_BRACE || size >= 80) return nok(code);
    effects.consume(code);
    size++;
    return name;
  };
  const close: State = (code: Code) => {
    if (code !== RIGHT_BRACE) return nok(code);
    effects.consume(code);
    effects.exit('variableMarker' as never);
    effects.exit('variable' as never);
    return ok;
  };
  return start;
}

const syntax: Extension = { text: { [LEFT_BRACE]: variableConstruct } };

const fromMarkdown: FromMarkdownExtension = {
  enter: {
    variable(this: CompileContext, token: Token) {
      this.enter({ type: 'variable', name: '', value: '' } as never, token);
    },
  },
  exit: {
    variableName(this: CompileContext, token: Token) {
      const node = this.stack.at(-1) as unknown as Variable;
      node.name = this.sliceSerialize(token);
    },
    variable(this: CompileContext, token: Token) {
      const node = this.stack.at(-1) as unknown as Variable;
      // Left as it was written if nothing replaces it (it then shows as literal text).
      node.value = this.sliceSerialize(token);
      this.exit(token);
    },
  },
};

/**
 * Parse `{{name}}` as a variable node. A backslash keeps it literal (`\{{name}}`), and code
 * spans and code blocks are never parsed for variables, so documentation can show them.
 */
export function remarkVariableSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(syntax);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}
