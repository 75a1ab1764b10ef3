const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Digits and minus signs as superscripts, for exponents in plain text (10⁻⁵). */
export function superscriptDigits(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}
