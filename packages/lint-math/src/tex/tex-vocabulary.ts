/**
 * The control sequences the fast TeX check understands, grouped by how
 * MathJax 3 parses them. Every name here is defined by MathJax's TeX input
 * with the packages GitHub loads; the corpus test compiles each of them in
 * several positions with MathJax itself. A name not listed is not an error:
 * the formula simply goes to MathJax.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/u));

/** Make one node and take no argument: letters, operators, relations, arrows, dots, spaces. */
export const SYMBOLS = words(`
  alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi
  pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega
  Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
  times cdot div pm mp ast star circ bullet oplus otimes odot ominus oslash cap cup sqcup uplus wedge vee
  setminus wr amalg dagger ddagger
  le leq ge geq ne neq approx sim simeq cong equiv propto ll gg lll ggg in notin ni subset subseteq supset
  supseteq subsetneq supsetneq mid nmid parallel perp prec succ preceq succeq doteq triangleq models vdash
  dashv asymp bowtie lesssim gtrsim
  to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow longrightarrow Longrightarrow
  longleftarrow Longleftarrow longleftrightarrow Longleftrightarrow mapsto longmapsto implies iff gets
  uparrow downarrow Uparrow Downarrow updownarrow nearrow searrow swarrow nwarrow hookrightarrow
  hookleftarrow rightharpoonup rightleftharpoons leadsto
  infty partial nabla forall exists nexists neg lnot emptyset varnothing ell hbar hslash imath jmath Re Im
  aleph beth wp prime angle triangle top bot flat natural sharp clubsuit diamondsuit heartsuit spadesuit
  checkmark surd Box square blacksquare diamond lozenge
  ldots cdots vdots ddots dots dotsc dotsb cdotp colon vert Vert lvert rvert lVert rVert langle rangle
  lfloor rfloor lceil rceil lbrace rbrace backslash bmod
  quad qquad enspace thinspace
  log ln lg exp sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh coth arg deg dim hom ker
`);

/** Large operators and named operators with limits: a symbol that `\limits`/`\nolimits` may follow. */
export const OPERATORS = words(`
  sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigodot bigvee bigwedge bigsqcup
  biguplus max min sup inf lim limsup liminf det gcd Pr
`);

/** Named functions (`\log`, `\sin`…): MathJax waits for what follows them, so they may not stand alone as a script. */
export const NAMED_FUNCTIONS = words('log ln lg exp sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh coth arg deg dim hom ker');

/**
 * Symbols and operators that may stand alone as a superscript or subscript
 * (`x^\top`, `2^\times`): every one makes exactly one node. Not the named
 * functions ("Missing open brace for subscript"), nor `\dots` (it looks at
 * what follows) nor `\implies`/`\iff` (they expand to several nodes).
 */
export const SCRIPT_SYMBOLS: ReadonlySet<string> = new Set(
  [...SYMBOLS, ...OPERATORS].filter((name) => !NAMED_FUNCTIONS.has(name) && name !== 'dots' && name !== 'implies' && name !== 'iff'),
);

/** Non-letter control symbols (`\,`, `\{`…) that make one node. */
export const CONTROL_SYMBOLS = new Set([',', ';', ':', '!', ' ', '{', '}', '|', '_', '#', '$', '%', '&']);

/** One argument, parsed as math: accents, over/under lines, atom classes, bold symbols. */
export const ONE_ARGUMENT = words(`
  boldsymbol
  hat check breve acute grave tilde bar vec dot ddot widehat widetilde overline underline
  overbrace underbrace overrightarrow overleftarrow
  mathord mathbin mathrel mathopen mathclose mathpunct
`);

/** Font of one argument, parsed as math where a run of letters is one identifier. */
export const FONT_ARGUMENT = words('mathbf mathrm mathit mathsf mathtt mathcal mathbb mathfrak mathscr');

/** One argument, and the result takes limits like an operator. */
export const OPERATOR_OF_ARGUMENT = words('mathop');

/** Two arguments, parsed as math. */
export const TWO_ARGUMENTS = words('frac dfrac tfrac binom dbinom tbinom');

/** One braced argument read as text. */
export const TEXT_COMMANDS = words('text textbf textit textrm textsf texttt mbox');

/** Change the font of what follows; they make no node of their own. */
export const FONT_SWITCHES = words('rm bf it cal sf tt');

/** Start a new style or size for the rest of the group (a fresh node list, so no base for a script). */
export const STYLE_SWITCHES = words(`
  displaystyle textstyle scriptstyle scriptscriptstyle tiny scriptsize small normalsize large
  Large LARGE huge Huge
`);

/** Sized delimiters: the command and a delimiter make one node. */
export const BIG_DELIMITERS = words(`
  big bigl bigr bigm Big Bigl Bigr Bigm bigg biggl biggr biggm Bigg Biggl Biggr Biggm
`);

/** What may follow `\left`, `\right`, `\middle` and `\big…`. */
export const DELIMITER_CHARACTERS = new Set(['(', ')', '[', ']', '|', '.', '/', '<', '>']);
export const DELIMITER_NAMES = words(`
  { } | langle rangle lfloor rfloor lceil rceil vert Vert lvert rvert lVert rVert lbrace rbrace backslash
  uparrow downarrow Uparrow Downarrow updownarrow
`);

/** Environments whose cells are separated by `&` and rows by `\\`. */
export const ARRAY_ENVIRONMENTS = words(`
  matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases aligned gathered
`);
