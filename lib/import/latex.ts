// LaTeX left in BibTeX values after the parser's own decoding (it handles accents and escaped specials but
// leaves math and spacing commands: "Fe\cdot Ni", "5\,mm", "\pm 2"), turned into the Unicode a reader sees.

const COMMANDS: Record<string, string> = {
  cdot: "·",
  pm: "±",
  mp: "∓",
  times: "×",
  div: "÷",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  ne: "≠",
  approx: "≈",
  sim: "∼",
  simeq: "≃",
  equiv: "≡",
  infty: "∞",
  propto: "∝",
  partial: "∂",
  nabla: "∇",
  sum: "∑",
  prod: "∏",
  int: "∫",
  sqrt: "√",
  rightarrow: "→",
  to: "→",
  leftarrow: "←",
  Rightarrow: "⇒",
  leftrightarrow: "↔",
  uparrow: "↑",
  downarrow: "↓",
  in: "∈",
  notin: "∉",
  subset: "⊂",
  cup: "∪",
  cap: "∩",
  forall: "∀",
  exists: "∃",
  emptyset: "∅",
  circ: "∘",
  degree: "°",
  textdegree: "°",
  ldots: "…",
  dots: "…",
  cdots: "⋯",
  textendash: "–",
  textemdash: "—",
  textquoteleft: "‘",
  textquoteright: "’",
  textquotedblleft: "“",
  textquotedblright: "”",
  S: "§",
  P: "¶",
  copyright: "©",
  textcopyright: "©",
  textregistered: "®",
  texttrademark: "™",
  euro: "€",
  texteuro: "€",
  pounds: "£",
  textless: "<",
  textgreater: ">",
  textbackslash: "\\",
  textasciitilde: "~",
  textasciicircum: "^",
  textbar: "|",
  textbullet: "•",
  dag: "†",
  ddag: "‡",
  prime: "′",
  ell: "ℓ",
  hbar: "ħ",
  AA: "Å",
  aa: "å",
  O: "Ø",
  o: "ø",
  ss: "ß",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  l: "ł",
  L: "Ł",
  i: "ı",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ϵ",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "ϕ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Upsilon: "Υ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};

// Spacing commands: \, is a thin space, \; and \: medium, \quad wide, \! a negative space (nothing).
const SPACES: Record<string, string> = { ",": "\u2009", ";": "\u2005", ":": "\u2005", "!": "", " ": " " };

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "=": "⁼",
  "(": "⁽",
  ")": "⁾",
  n: "ⁿ",
  i: "ⁱ",
};
const SUBSCRIPT: Record<string, string> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "=": "₌",
  "(": "₍",
  ")": "₎",
};

function script(text: string, table: Record<string, string>, marker: string): string {
  return [...text].every((char) => table[char]) ? [...text].map((char) => table[char]).join("") : `${marker}${text}`;
}

/**
 * Decodes LaTeX in a value; plain text passes through unchanged. `parsed` is for text a BibTeX parser has
 * already decoded (its $, braces and ~ are literal characters by then): only the commands it left are read.
 */
export function decodeLatex(value: string, parsed = false): string {
  if (!/[\\$^_{}~]/.test(value)) return value;
  if (parsed) {
    if (!value.includes("\\")) return value;
    return value
      .replace(
        /\\(?:textit|textbf|textrm|textsf|texttt|textsc|textup|textnormal|emph|mathrm|mathit|mathbf|mathsf|mathtt|mathcal|mbox|text|ensuremath)\s*\{([^{}]*)\}/g,
        "$1",
      )
      .replace(/\\(quad|qquad)\b\s*/g, "\u2003")
      .replace(/\\([,;:! ])/g, (_, char: string) => SPACES[char] ?? "")
      .replace(/\\([A-Za-z]+)\b(?:\{\})?/g, (whole, name: string) => COMMANDS[name] ?? whole);
  }
  let text = value;
  // Formatting wrappers keep their content: \textit{x}, \emph{x}, \mathrm{x}, \textsuperscript{2}.
  text = text.replace(/\\textsuperscript\{([^{}]*)\}/g, (_, inner: string) => script(inner, SUPERSCRIPT, "^"));
  text = text.replace(/\\textsubscript\{([^{}]*)\}/g, (_, inner: string) => script(inner, SUBSCRIPT, "_"));
  text = text.replace(
    /\\(?:textit|textbf|textrm|textsf|texttt|textsc|textup|textnormal|emph|mathrm|mathit|mathbf|mathsf|mathtt|mathcal|mbox|text|ensuremath|NoCaseChange|nocase)\s*\{([^{}]*)\}/g,
    "$1",
  );
  text = text.replace(/\\(quad|qquad)\b\s*/g, "\u2003");
  text = text.replace(/\\([,;:! ])/g, (_, char: string) => SPACES[char] ?? "");
  text = text.replace(/\\([A-Za-z]+)\b(?:\{\})?/g, (whole, name: string) => COMMANDS[name] ?? whole);
  text = text.replace(/\\([&%#$_{}])/g, "$1");
  // Math superscripts and subscripts: ^{2}, ^2, _{2}, _2.
  text = text.replace(
    /\^\{([^{}]*)\}|\^([0-9A-Za-z+-])/g,
    (_, braced: string | undefined, single: string | undefined) => script(braced ?? single ?? "", SUPERSCRIPT, "^"),
  );
  text = text.replace(
    /_\{([^{}]*)\}|(?<=\$[^$]*)_([0-9])/g,
    (_, braced: string | undefined, single: string | undefined) => script(braced ?? single ?? "", SUBSCRIPT, "_"),
  );
  // Math delimiters and protective braces carry no text of their own.
  text = text.replace(/(?<!\\)\$/g, "").replace(/(?<!\\)[{}]/g, "");
  text = text.replace(/(?<!\\)~/g, "\u00a0");
  return text;
}
