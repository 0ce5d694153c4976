/**
 * The PDF's built-in fonts (Helvetica) encode text as WinAnsi, one byte a character; pdfkit writes any
 * other character as a broken code. Built-in fonts are kept because they need no font file in the app
 * and print the same everywhere, so text is brought into WinAnsi here, changing as little as it can:
 * the spaces Intl puts in numbers and times become no-break spaces (still unbreakable), accents that
 * WinAnsi lacks are dropped from their letter, and only what has no near form becomes "?".
 */

/** Characters above U+00FF that WinAnsi still holds (its 0x80–0x9F block). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const NEAR_FORMS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space: fr-FR digit groups, en-US "2:30 PM"
  '\u2009': '\u00a0', // thin space
  '\u2007': '\u00a0', // figure space
  '\u2060': '',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-', // minus sign
  '\u2032': "'",
  '\u2033': '"',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
};

const fitsWinAnsi = (character: string): boolean => {
  const code = character.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(character);
};

/** The nearest text the built-in fonts can print; line breaks and tabs become spaces, since every field is one line. */
export function toPdfText(text: string): string {
  let out = '';
  for (const character of text.normalize('NFC')) {
    const near = NEAR_FORMS[character];
    if (fitsWinAnsi(character)) {
      out += character;
    } else if (near !== undefined) {
      out += near;
    } else if (/[\s\p{Cc}]/u.test(character)) {
      out += ' ';
    } else {
      // "ő" → "o" + combining mark; keep the letter when WinAnsi has it.
      const base = character.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(fitsWinAnsi) ? base : '?';
    }
  }
  return out;
}
