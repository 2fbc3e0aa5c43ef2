import {
  ARRAY_ENVIRONMENTS,
  BIG_DELIMITERS,
  CONTROL_SYMBOLS,
  FONT_ARGUMENT,
  FONT_SWITCHES,
  NAMED_FUNCTIONS,
  ONE_ARGUMENT,
  OPERATORS,
  OPERATOR_OF_ARGUMENT,
  STYLE_SWITCHES,
  SCRIPT_SYMBOLS,
  SYMBOLS,
  TEXT_COMMANDS,
  TWO_ARGUMENTS,
} from './tex-vocabulary.js';
import { mathOnlyInText } from './math-only-in-text.js';
import { MATHJAX_CONTROL_SEQUENCES } from './mathjax-control-sequences.generated.js';

/**
 * A fast, exact pre-check: true only when the formula is made of constructs
 * MathJax 3 accepts, arranged so that MathJax cannot raise an error on it.
 * False means "not proven", never "invalid": the formula then goes to MathJax.
 *
 * It follows MathJax's own parse (TexParser and BaseMethods): arguments are
 * taken the way `GetArgument`/`GetBrackets` take them and parsed afresh,
 * groups, `\left…\right` and environments nest on a stack, and each node
 * remembers whether it already has a superscript, subscript or primes, which
 * is what MathJax's "double exponent" errors depend on. Anything outside that
 * model (unknown macros, comments, `#`, `\\` outside an environment, long
 * formulas where MathJax's buffer limits could apply…) is left to MathJax.
 */
export function provablyValidTex(tex: string): boolean {
  return texPreCheck(tex) === null;
}

/**
 * The pre-check's verdict: `null` when the formula is proven valid, MathJax's
 * error message when it is proven invalid, `undefined` when only MathJax can
 * tell. An error is proven only where the parse reaches it with nothing before
 * it that the model does not follow: MathJax parses up to there exactly as the
 * model does and stops at its first error, so that is its message. Proven:
 * a control sequence or environment MathJax (GitHub's package set, the
 * generated lists) does not define; an argument missing or never closed; a
 * brace, `\left`, `\right`, `\middle`, `\begin` or `\end` without its partner; a
 * script without its argument, or doubled; `&` outside an environment; `#`; a
 * delimiter MathJax does not know. Formulas that define macros (`\newcommand`,
 * `\def`, `\DeclareMathOperator`…) are left to MathJax.
 */
export function texPreCheck(tex: string): string | null | undefined {
  if (tex.length > MAX_LENGTH || UNMODELLED_SPACE.test(tex)) return undefined;
  const found: Decision = {};
  if (parseMath(tex, false, found)) return null;
  if (found.message === undefined || DEFINES_MACROS.test(tex)) return undefined;
  return found.message;
}

/**
 * White space other than TeX's (space, tab, line breaks, no-break space): MathJax's
 * `GetNext` skips any `\s` before an argument or delimiter (U+2028, U+3000…) while
 * its main loop makes a node of them. The model does not follow that split.
 */
const UNMODELLED_SPACE = /[^\S \t\n\r\u00a0]/u;

/** A dimension `\\[…]` takes between rows: a subset of what MathJax's `matchDimen` accepts, no spaces, braces or signs. */
const ROW_SPACING = /^\d+(?:\.\d+)?(?:pt|em|ex|px|mm|cm|in|pc)$/u;

/** Where a parse records MathJax's message for the error that stopped it, when the model proves it. */
interface Decision {
  message?: string;
}

/** Every name MathJax defines in math mode with GitHub's packages, read from MathJax by `scripts/generate-tex-names.mjs`. */
const DEFINED: ReadonlySet<string> = new Set(MATHJAX_CONTROL_SEQUENCES.names);
/** Every environment MathJax knows (any other is "Unknown environment"). */
const ENVIRONMENTS: ReadonlySet<string> = new Set(MATHJAX_CONTROL_SEQUENCES.environments);
/** The control sequences text mode defines itself, and the math ones it refuses. */
const TEXT_NAMES: ReadonlySet<string> = new Set(MATHJAX_CONTROL_SEQUENCES.textNames);
const MATH_ONLY_IN_TEXT: ReadonlySet<string> = new Set(mathOnlyInText(MATHJAX_CONTROL_SEQUENCES));
/** Text macros that only copy their character (textmacros' `SelfQuote`). */
const TEXT_SELF_QUOTES = new Set(['$', '_', '%', '{', '}', ' ', '&', '#', '\\']);
/** Every delimiter `GetDelimiter` accepts, as it looks them up (`(`, `\\langle`). */
const DELIMITERS: ReadonlySet<string> = new Set(MATHJAX_CONTROL_SEQUENCES.delimiters);
/** Environments whose `\end` does more than close one (MathJax's `args[0]`): not decided. */
const SPECIAL_END = new Set(['spreadlines', 'empheq', 'numcases', 'subnumcases']);
/** After `@`, these make an amscd arrow; before anything else `@` is a plain character. */
const AMSCD_ARROW = /[><VA.|=]/u;
/** MathJax's messages the model decides in several places. */
const EXTRA_CLOSE = 'Extra close brace or missing open brace';
const DOUBLE_EXPONENT = 'Double exponent: use braces to clarify';
const DOUBLE_SUBSCRIPTS = 'Double subscripts: use braces to clarify';

/** Commands that define or redefine macros, environments or delimiters (and `\new…`, `\renew…` generally). */
const DEFINES_MACROS = /\\(?:new|renew|provide|Declare|Newextarrow)|\\(?:def|edef|gdef|xdef|let|global)(?![A-Za-z])/u;

/** Far below MathJax's 5K buffer limit, which macro expansion could otherwise approach. */
const MAX_LENGTH = 2000;

/** The node a script would attach to, as far as MathJax's double-script checks see it. */
interface Base {
  sup: boolean;
  sub: boolean;
  /** Primes read and waiting for what follows (MathJax's prime item): a script takes them in. */
  primed: boolean;
  /** An operator that `\limits`/`\nolimits` may follow (no script yet). */
  operator: boolean;
  /**
   * MathJax's node takes scripts as an `msubsup` (no `movesupsub`, no `subsupOK`):
   * only then are its double-script errors decided.
   */
  plain: boolean;
  /**
   * Its double-script errors are MathJax's usual ones: an `msubsup`, or the `munderover`
   * of a `movesupsub` operator (`\sum`, `\lim`…), whose primes are not decided.
   */
  doubles: boolean;
}

type FrameKind = 'top' | 'group' | 'script' | 'left' | 'environment';

interface Frame {
  readonly kind: FrameKind;
  readonly environment?: string;
  base: Base | undefined;
}

const freshBase = (operator = false, plain = !operator, doubles = plain): Base => ({ sup: false, sub: false, primed: false, operator, plain, doubles });

const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** MathJax's `Space` characters (its `GetNext` skips any `\s`, so this is the narrower, safe reading). */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
/** Characters MathJax turns into one node each (operators, fences, punctuation, `~`, a backquote; not `@`, which amscd reads). */
const PLAIN = new Set('+-=<>()[]|/,.;:!?*"~`'.split('').map((character) => character.charCodeAt(0)));
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
/** Not allowed in the argument of `\text`: they switch modes, group, or are errors in text. */
const TEXT_SPECIAL = /[\\${}_^&#%~]/u;
const DIGITS_AND_LETTERS = /^[A-Za-z0-9 ]+$/u;

/** Parses `source` as MathJax parses an argument: a fresh stack, the same environment flags. */
function parseMath(source: string, multiLetter: boolean, found: Decision | undefined): boolean {
  return new FastParser(source, multiLetter, found).run();
}

class FastParser {
  private index = 0;
  private readonly frames: Frame[] = [{ kind: 'top', base: undefined }];

  constructor(
    private readonly source: string,
    /** Inside `\mathrm{…}` and the like, a run of letters is one identifier. */
    private readonly multiLetter: boolean,
    /**
     * Where to record an undefined control sequence; absent where MathJax does
     * not parse this text at the point the model does (a `\sqrt` index).
     */
    private readonly found: Decision | undefined,
  ) {}

  /** The parse stops at an error MathJax raises here with exactly `message`. */
  private fail(message: string): false {
    if (this.found !== undefined) this.found.message ??= message;
    return false;
  }

  /** A control sequence the model does not take: not proven; decided when MathJax does not define it. */
  private unknown(name: string): false {
    return DEFINED.has(name) ? false : this.fail(`Undefined control sequence \\${name}`);
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private newNode(operator = false, plain = !operator, doubles = plain): void {
    this.frame.base = freshBase(operator, plain, doubles);
  }

  run(): boolean {
    const source = this.source;
    while (this.index < source.length) {
      const code = source.charCodeAt(this.index);
      if (isSpace(code)) {
        this.index++;
      } else if (isLetter(code)) {
        this.index++;
        if (this.multiLetter) while (this.index < source.length && isLetter(source.charCodeAt(this.index))) this.index++;
        this.newNode();
      } else if (isDigit(code) || PLAIN.has(code) || this.plainAt(code)) {
        this.index++;
        this.newNode();
      } else if (code >= 0x80) {
        if (!this.otherCharacter(code)) return false;
      } else if (!this.special(code)) {
        return false;
      }
    }
    if (this.frames.length === 1) return true;
    // MathJax pushes its stop item onto the innermost open item, which names the error.
    const frame = this.frame;
    if (frame.kind === 'left') return this.fail('Extra \\left or missing \\right');
    if (frame.kind === 'environment') return this.fail(`Missing \\end{${String(frame.environment)}}`);
    return this.fail('Extra open brace or missing close brace');
  }

  /** `@` before anything but an amscd arrow character is MathJax's `Other`: one node. */
  private plainAt(code: number): boolean {
    return code === 0x40 && !AMSCD_ARROW.test(this.source.charAt(this.index + 1));
  }

  /** Any other Unicode character is one node (a surrogate pair counts as one character). */
  private otherCharacter(code: number): boolean {
    // MathJax reads a right single quote as a prime.
    if (code === 0x2019) return this.primes();
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = this.source.charCodeAt(this.index + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return false;
      this.index += 2;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    } else {
      this.index++;
    }
    this.newNode();
    return true;
  }

  private special(code: number): boolean {
    switch (code) {
      case 0x5c: // backslash
        return this.controlSequence();
      case 0x7b: // {
        this.index++;
        this.frames.push({ kind: 'group', base: undefined });
        return true;
      case 0x7d: {
        // }
        const kind = this.frame.kind;
        if (kind !== 'group' && kind !== 'script') return this.fail(EXTRA_CLOSE);
        this.frames.pop();
        this.index++;
        // A script's group completes its base; any other group is a node of its own.
        if (kind === 'group') this.newNode();
        return true;
      }
      case 0x5e: // ^
      case 0x5f: // _
        return this.script(code === 0x5e);
      case 0x27: // '
        return this.primes();
      case 0x25: {
        // % : a comment, up to the line break (which stays, as a space)
        const end = this.source.indexOf('\n', this.index);
        this.index = end === -1 ? this.source.length : end;
        return true;
      }
      case 0x26: // &
        // MathJax's cell item meets an open item (the formula, a group, `\left`).
        if (this.frame.kind !== 'environment') return this.fail('Misplaced &');
        this.index++;
        this.frame.base = undefined;
        return true;
      case 0x23: // #
        return this.fail("You can't use 'macro parameter character #' in math mode");
      default:
        return false;
    }
  }

  private script(superscript: boolean): boolean {
    const base = (this.frame.base ??= freshBase());
    // What MathJax's node holds before this script (waiting primes are not in it yet).
    const had = { sup: base.sup, sub: base.sub };
    if (base.primed) {
      // Primes waiting for a script: `x'^2` puts them in the superscript with the 2,
      // `x'_1` (and `x_1'`) makes them the superscript; either way the node now has one.
      if (!superscript && base.sub) return base.doubles ? this.fail(DOUBLE_SUBSCRIPTS) : false;
      base.primed = false;
      base.sup = true;
      if (!superscript) base.sub = true;
    } else if (superscript) {
      if (base.sup) return base.doubles ? this.fail(DOUBLE_EXPONENT) : false;
      base.sup = true;
    } else {
      if (base.sub) return base.doubles ? this.fail(DOUBLE_SUBSCRIPTS) : false;
      base.sub = true;
    }
    base.operator = false;
    this.index++;
    return this.scriptArgument(superscript, had, base.doubles, base.plain);
  }

  /**
   * What MathJax takes as a script: a group, one letter (a run in fonts), one digit, or a symbol.
   * `had` is what the base node held before this script; `doubles` and `plain` as in `Base`.
   */
  private scriptArgument(superscript: boolean, had: { sup: boolean; sub: boolean }, doubles: boolean, plain: boolean): boolean {
    this.skipSpaces();
    const source = this.source;
    // Comments between the script sign and its argument are skipped (MathJax's main loop reads them).
    while (source.charCodeAt(this.index) === 0x25) {
      const end = source.indexOf('\n', this.index);
      this.index = end === -1 ? source.length : end;
      this.skipSpaces();
    }
    const code = source.charCodeAt(this.index);
    // MathJax's subsup item meets an item that is neither math nor open: its error.
    const missingOpen = () => this.fail(superscript ? 'Missing open brace for superscript' : 'Missing open brace for subscript');
    if (Number.isNaN(code)) return this.fail('Missing superscript or subscript argument');
    if (code === 0x7d) return this.fail(EXTRA_CLOSE);
    if (code === 0x26) return missingOpen();
    // Another script or a prime takes the same base node out of the waiting item first:
    // its own double-script check comes before the waiting item's error.
    if (code === 0x5e) return doubles ? (had.sup ? this.fail(DOUBLE_EXPONENT) : missingOpen()) : false;
    if (code === 0x5f) return doubles ? (had.sub ? this.fail(DOUBLE_SUBSCRIPTS) : missingOpen()) : false;
    if (code === 0x27 || code === 0x2019) return plain ? (had.sup ? this.fail('Prime causes double exponent: use braces to clarify') : missingOpen()) : false;
    if (code === 0x7b) {
      this.index++;
      this.frames.push({ kind: 'script', base: undefined });
      return true;
    }
    // One digit, or one character that makes one node.
    if (isDigit(code) || PLAIN.has(code) || this.plainAt(code) || (code >= 0x80 && code !== 0x2019 && !isSurrogate(code))) {
      this.index++;
      return true;
    }
    if (isLetter(code)) {
      this.index++;
      if (this.multiLetter) while (this.index < source.length && isLetter(source.charCodeAt(this.index))) this.index++;
      return true;
    }
    if (code === 0x5c) {
      const name = this.readName();
      if (name === undefined) return false;
      if (SCRIPT_SYMBOLS.has(name) || CONTROL_SYMBOLS.has(name)) return true;
      // A named function, a style or size switch and `\dots` push items that are not math yet.
      if (NAMED_FUNCTIONS.has(name) || STYLE_SWITCHES.has(name) || name === 'dots') return missingOpen();
      // `\hline` checks for an empty array cell before anything else.
      if (name === 'hline') return this.fail('Misplaced \\hline');
      if (name === '\\') {
        // A line break's cell item, unless a `[` dimension (read first) follows.
        if (source[this.index] === '*') this.index++;
        return source[this.index] === '[' ? false : missingOpen();
      }
      // MathJax parses what follows `^`/`_` as the next token: an undefined name is its error.
      if (!MAKES_ONE_NODE.has(name)) return this.unknown(name);
      // `\boldsymbol` of an argument that makes no node (`{}`, `{\rm}`) leaves the script
      // empty ("Missing superscript or subscript argument"): not modelled.
      if (name === 'boldsymbol') return false;
      // The command's node is the script: the base stays what it was.
      const frame = this.frame;
      const base = frame.base;
      const valid = this.command(name);
      frame.base = base;
      return valid;
    }
    return false;
  }

  /** A run of primes (MathJax reads them together, spaces between allowed); a script may follow. */
  private primes(): boolean {
    const base = (this.frame.base ??= freshBase());
    if (base.primed) return false;
    if (base.sup) return base.plain ? this.fail('Prime causes double exponent: use braces to clarify') : false;
    this.index++;
    for (;;) {
      this.skipSpaces();
      const next = this.source[this.index];
      if (next !== "'" && next !== '\u2019') break;
      this.index++;
    }
    base.primed = true;
    base.operator = false;
    return true;
  }

  private controlSequence(): boolean {
    const name = this.readName();
    return name !== undefined && this.command(name);
  }

  private command(name: string): boolean {
    if (name.length === 1 && !isLetter(name.charCodeAt(0))) {
      if (name === '\\') return this.rowBreak();
      if (!CONTROL_SYMBOLS.has(name)) return this.unknown(name);
      this.newNode();
      return true;
    }
    if (SYMBOLS.has(name)) {
      this.newNode();
      return true;
    }
    if (OPERATORS.has(name)) {
      this.newNode(true, false, MOVESUPSUB_OPERATORS.has(name));
      return true;
    }
    if (name === 'limits' || name === 'nolimits') {
      // With no node before it (start of a group, a cell, after a style switch) MathJax finds no operator.
      if (this.frame.base === undefined) return this.fail(`\\${name} is allowed only on operators`);
      return this.frame.base.operator;
    }
    // `\hline` outside an array: never in an empty cell of one.
    if (name === 'hline' && this.frame.kind !== 'environment') return this.fail('Misplaced \\hline');
    if (FONT_SWITCHES.has(name)) return true;
    if (STYLE_SWITCHES.has(name)) {
      // MathJax collects what follows in a style item: there is no previous node for a script.
      this.frame.base = undefined;
      return true;
    }
    if (FONT_ARGUMENT.has(name)) return this.mathArguments(name, 1, true);
    // Over/under braces and lines allow a second script (`subsupOK`); `\boldsymbol` passes its node on.
    if (ONE_ARGUMENT.has(name)) return this.mathArguments(name, 1, this.multiLetter, false, !NOT_PLAIN.has(name));
    if (OPERATOR_OF_ARGUMENT.has(name)) return this.mathArguments(name, 1, this.multiLetter, true);
    if (TWO_ARGUMENTS.has(name)) return this.mathArguments(name, 2, this.multiLetter);
    if (TEXT_COMMANDS.has(name)) return this.textArgument(name);
    if (BIG_DELIMITERS.has(name)) {
      if (!this.delimiter(name, true)) return false;
      this.newNode(false, false);
      return true;
    }
    switch (name) {
      case 'sqrt':
        return this.squareRoot();
      case 'operatorname':
        return this.operatorName();
      case 'left':
        if (!this.delimiter(name)) return false;
        this.frames.push({ kind: 'left', base: undefined });
        return true;
      case 'middle':
        // The delimiter is read first; the middle item then needs a `\left`.
        if (!this.delimiter(name)) return false;
        if (this.frame.kind !== 'left') return this.fail('Extra \\middle');
        // Not modelled further: a script right after `\middle` is left to MathJax.
        this.frame.base = { sup: true, sub: true, primed: true, operator: false, plain: false, doubles: false };
        return true;
      case 'right':
        if (!this.delimiter(name)) return false;
        if (this.frame.kind !== 'left') return this.fail('Missing \\left or extra \\right');
        this.frames.pop();
        this.newNode();
        return true;
      case 'begin':
        return this.begin();
      case 'end':
        return this.end();
      default:
        return this.unknown(name);
    }
  }

  /**
   * `\\`: between rows of an environment; anywhere else MathJax makes it a line
   * break, a node of its own. MathJax looks at the very next character (no
   * spaces skipped): a `*` is dropped, a `[` starts a dimension (not modelled).
   */
  private rowBreak(): boolean {
    if (this.source[this.index] === '*') this.index++;
    if (this.source[this.index] === '[') {
      // A plain dimension (`\\[2mm]`) spaces the rows, or outside an environment adds a
      // space node before the break; anything else is left to MathJax.
      const close = this.source.indexOf(']', this.index);
      if (close === -1 || !ROW_SPACING.test(this.source.slice(this.index + 1, close))) return false;
      this.index = close + 1;
    }
    if (this.frame.kind === 'environment') this.frame.base = undefined;
    else this.newNode();
    return true;
  }

  /** Reads `\name` (letters) or `\c` (one other character); the index ends after it. */
  private readName(): string | undefined {
    const source = this.source;
    const start = this.index + 1;
    // A `\` that ends the formula: MathJax reads it as `\ ` (a space).
    if (start >= source.length) {
      this.index = start;
      return ' ';
    }
    // MathJax's `GetCS` matches one character with `.`, which takes no line
    // terminator: a `\` before one reads as `\ ` and consumes it.
    const first = source.charCodeAt(start);
    if (first === 0x0a || first === 0x0d || first === 0x2028 || first === 0x2029) {
      this.index = start + 1;
      return ' ';
    }
    let end = start;
    while (end < source.length && isLetter(source.charCodeAt(end))) end++;
    if (end === start) {
      const code = source.charCodeAt(start);
      if (code >= 0xd800 && code <= 0xdfff) return undefined;
      end = start + 1;
    }
    this.index = end;
    return source.slice(start, end);
  }

  private skipSpaces(): void {
    while (this.index < this.source.length && isSpace(this.source.charCodeAt(this.index))) this.index++;
  }

  /**
   * An argument of `\command` as `GetArgument` reads it: a braced group, or one
   * character or control sequence. MathJax reads an argument before it parses
   * it, so its reading errors (nothing left, a `}`, a group never closed) come first.
   */
  private argumentText(command: string): string | undefined {
    this.skipSpaces();
    const source = this.source;
    const code = source.charCodeAt(this.index);
    if (Number.isNaN(code)) {
      this.fail(`Missing argument for \\${command}`);
      return undefined;
    }
    if (code === 0x7d) {
      this.fail(EXTRA_CLOSE);
      return undefined;
    }
    if (code === 0x7b) {
      let depth = 1;
      const start = ++this.index;
      while (this.index < source.length) {
        const character = source[this.index++];
        if (character === '\\') this.index++;
        else if (character === '{') depth++;
        else if (character === '}' && --depth === 0) return source.slice(start, this.index - 1);
      }
      this.fail('Missing close brace');
      return undefined;
    }
    if (isLetter(code) || isDigit(code)) return source[this.index++];
    if (code === 0x5c) {
      const start = this.index;
      const name = this.readName();
      if (name === undefined) return undefined;
      // `GetArgument` gives `\name` alone (a space after a word is dropped), parsed afresh.
      return isSymbolName(name) ? source.slice(start, this.index) : `\\${name}`;
    }
    // Any other character is an argument of its own (parsed afresh, like a group).
    if (code === 0x25 || isSurrogate(code)) return undefined;
    return source[this.index++];
  }

  private mathArguments(command: string, count: number, multiLetter: boolean, operator = false, plain = !operator): boolean {
    for (let argument = 0; argument < count; argument++) {
      const text = this.argumentText(command);
      if (text === undefined || !parseMath(text, multiLetter, this.found)) return false;
    }
    this.newNode(operator, plain);
    return true;
  }

  private textArgument(command: string): boolean {
    this.skipSpaces();
    const code = this.source.charCodeAt(this.index);
    if (code !== 0x7b && !Number.isNaN(code) && code !== 0x7d) {
      // `\text项`: one character is the whole text.
      if (isSurrogate(code)) return false;
      const character = this.source[this.index++] as string;
      if (TEXT_SPECIAL.test(character)) return this.textError(character);
      this.newNode();
      return true;
    }
    const text = this.argumentText(command);
    if (text === undefined) return false;
    if (TEXT_SPECIAL.test(text)) return this.textError(text);
    this.newNode();
    return true;
  }

  /**
   * Text mode (MathJax's textmacros parser) meets a special character in `text`:
   * the first one decides when it is an error of its own (`^`, `_`, `&`, `#`, or a
   * control sequence text mode lacks); `$`, `%` and text macros are not followed.
   */
  private textError(text: string): false {
    for (let index = 0; index < text.length; index++) {
      const character = text[index] as string;
      if (character === '^' || character === '_') return this.fail(`'${character}' allowed only in math mode`);
      if (character === '&' || character === '#') return this.fail(`'${character}' can not be used here`);
      if (character === '$' || character === '%') return false;
      if (character !== '\\') continue;
      // The name as `GetCS` reads it: a run of letters, else one character (none at the end or before a line break).
      let end = index + 1;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      if (end === index + 1) {
        const next = text.charCodeAt(end);
        if (Number.isNaN(next) || next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029 || isSurrogate(next)) return false;
        end++;
      }
      const name = text.slice(index + 1, end);
      // Text mode's own macros (`\$`, `\{`, `\ `… only copy a character) are not followed further.
      if (TEXT_NAMES.has(name)) {
        if (name.length === 1 && !isLetter(name.charCodeAt(0)) && TEXT_SELF_QUOTES.has(name)) {
          index = end - 1;
          continue;
        }
        return false;
      }
      if (MATH_ONLY_IN_TEXT.has(name)) return this.fail(`\\${name} is only supported in math mode`);
      return DEFINED.has(name) ? false : this.fail(`Undefined control sequence \\${name}`);
    }
    return false;
  }

  /**
   * `\sqrt[index]{radicand}`: the index as `GetBrackets` reads it, then the radicand;
   * MathJax parses the radicand first, then the index.
   */
  private squareRoot(): boolean {
    const index = this.brackets('sqrt');
    if (index === undefined) return false;
    // `\sqrt\frac` takes the fraction's two arguments along: not modelled.
    this.skipSpaces();
    if (/^\\frac(?![A-Za-z])/u.test(this.source.slice(this.index, this.index + 6))) return false;
    if (!this.mathArguments('sqrt', 1, this.multiLetter)) return false;
    return index === null || parseMath(index, this.multiLetter, this.found);
  }

  /** An optional `[…]` argument of `\command` as `GetBrackets` reads it: null when there is none. */
  private brackets(command: string): string | null | undefined {
    this.skipSpaces();
    const source = this.source;
    if (source[this.index] !== '[') return null;
    let depth = 0;
    const start = ++this.index;
    while (this.index < source.length) {
      const character = source[this.index++];
      if (character === '\\') this.index++;
      else if (character === '{') depth++;
      else if (character === '}' && depth-- <= 0) {
        this.fail("Extra close brace while looking for ']'");
        return undefined;
      } else if (character === ']' && depth === 0) return source.slice(start, this.index - 1);
    }
    this.fail(`Could not find closing ']' for argument to \\${command}`);
    return undefined;
  }

  /** `\operatorname{name}` or `\operatorname*{name}` with a plain name. */
  private operatorName(): boolean {
    const star = this.source[this.index] === '*';
    if (star) this.index++;
    this.skipSpaces();
    const text = this.argumentText('operatorname');
    if (text === undefined) return false;
    // Any other name is parsed afresh (letters, `-` and `*` make words there): only its errors are decided.
    if (!DIGITS_AND_LETTERS.test(text)) return parseMath(text.trim(), true, this.found) && false;
    this.newNode(star, false);
    return true;
  }

  /**
   * A delimiter as `GetDelimiter` reads it for `\command` (spaces skipped, one character
   * or control sequence; for `\big…` also a braced one, `braced`).
   */
  private delimiter(command: string, braced = false): boolean {
    this.skipSpaces();
    const code = this.source.codePointAt(this.index);
    let key = '';
    if (braced && code === 0x7b) {
      const text = this.argumentText(command);
      if (text === undefined) return false;
      key = text.trim();
    } else if (code === 0x5c) {
      const name = this.readName();
      if (name === undefined) return false;
      key = `\\${name}`;
    } else if (code !== undefined) {
      key = String.fromCodePoint(code);
      this.index += key.length;
    }
    return DELIMITERS.has(key) || this.fail(`Missing or unrecognized delimiter for \\${command}`);
  }

  /** The argument of `\begin`/`\end` as `GetArgument` reads it (a braced name here). */
  private environmentName(command: string): string | undefined {
    this.skipSpaces();
    const code = this.source.charCodeAt(this.index);
    if (code !== 0x7b && code !== 0x7d && !Number.isNaN(code)) return undefined;
    return this.argumentText(command);
  }

  /** MathJax's first checks of an environment name: no backslash, and a name it knows. */
  private knownEnvironment(name: string): boolean {
    if (name.includes('\\')) return this.fail(`Invalid environment name '${name}'`);
    return ENVIRONMENTS.has(name) || this.fail(`Unknown environment '${name}'`);
  }

  private begin(): boolean {
    const name = this.environmentName('begin');
    if (name === undefined || !this.knownEnvironment(name) || !(ARRAY_ENVIRONMENTS.has(name) || name === 'array')) return false;
    // `aligned`, `gathered` and `array` take an optional position (`[t]`), read and not parsed;
    // `array` then its column specification (any text: letters other than `clr|:` are dropped).
    if (OPTIONAL_POSITION.has(name) && this.brackets('begin') === undefined) return false;
    if (name === 'array' && this.argumentText('begin') === undefined) return false;
    this.frames.push({ kind: 'environment', environment: name, base: undefined });
    return true;
  }

  /** `\end{name}` pushes an end item: the open item it meets decides. */
  private end(): boolean {
    const name = this.environmentName('end');
    if (name === undefined || !this.knownEnvironment(name) || SPECIAL_END.has(name)) return false;
    const frame = this.frame;
    if (frame.kind !== 'environment') return this.fail(`Missing \\begin{${name}} or extra \\end{${name}}`);
    if (frame.environment !== name) return this.fail(`\\begin{${String(frame.environment)}} ended with \\end{${name}}`);
    this.frames.pop();
    this.newNode();
    return true;
  }
}

/** Environments whose `\begin` reads an optional `[…]` position. */
const OPTIONAL_POSITION = new Set(['aligned', 'gathered', 'array']);

/** Operators MathJax marks `movesupsub`: scripts make an `munderover` (its double-script checks are the usual ones). */
const MOVESUPSUB_OPERATORS = new Set([
  ...'sum prod coprod bigcup bigcap bigoplus bigotimes bigodot bigvee bigwedge bigsqcup biguplus'.split(' '),
  ...'max min sup inf lim limsup liminf det gcd Pr'.split(' '),
]);

/** One-argument commands whose node is not a plain `msubsup` base (`subsupOK`, or the argument's own node). */
const NOT_PLAIN = new Set(['boldsymbol', 'overbrace', 'underbrace', 'overline', 'underline', 'overrightarrow', 'overleftarrow']);

/**
 * Commands that, arguments included, make exactly one node (so they may stand as a script).
 * Not `\mathop`: like a named function it waits for what follows ("Missing open brace for subscript").
 */
const MAKES_ONE_NODE = new Set([
  ...FONT_ARGUMENT,
  ...ONE_ARGUMENT,
  ...TWO_ARGUMENTS,
  ...TEXT_COMMANDS,
  ...BIG_DELIMITERS,
  'sqrt',
  'operatorname',
]);

/** A control sequence that makes one node and takes no argument (what may stand alone as an argument). */
function isSymbolName(name: string): boolean {
  if (name.length === 1 && !isLetter(name.charCodeAt(0))) return CONTROL_SYMBOLS.has(name);
  return SYMBOLS.has(name) || OPERATORS.has(name);
}
