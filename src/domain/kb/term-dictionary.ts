/**
 * Numbers for terms, so that analysed articles are kept as small integer arrays and compared as
 * integers while ranking (splitting and comparing strings of hundreds of candidates was most of a
 * search's time). Grows with the vocabulary; never forgets a term.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();

  /** The number of a term, given one when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  /** The number of a known term. */
  lookup(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Space-separated terms as numbers (with a mark before each, for prefix terms). */
  encode(text: string, mark = ''): Int32Array {
    if (!text) return new Int32Array(0);
    const parts = text.split(' ');
    const out = new Int32Array(parts.length);
    for (let i = 0; i < parts.length; i++) out[i] = this.intern(mark + parts[i]!);
    return out;
  }

  /** How many terms it knows. */
  get size(): number {
    return this.ids.size;
  }
}
