// A name's mention count per article, keyed by article id: (id, count) pairs in one typed array, sorted by id. The
// index gives an article a new, larger id each time it is set, so a count is almost always appended at the end: no
// hashing, and 8 bytes an entry instead of a Map's 30 or so (a warm start at 10x the BBC corpus makes 450,000 of
// them). Ids come in increasing order, the order the articles were set in, as a Map's insertion order was.

export class ArticleCounts {
  /** id, count, id, count, ... (a plain array of small integers: grown in place by the engine, no buffer outside
   *  the heap as a typed array of more than 64 bytes has). */
  private readonly pairs: number[] = [];
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** The id of the i-th article (0 <= i < size), in increasing order. */
  idAt(i: number): number {
    return this.pairs[2 * i]!;
  }

  has(article: number): boolean {
    return this.find(article) >= 0;
  }

  get(article: number): number | undefined {
    const at = this.find(article);
    return at >= 0 ? this.pairs[2 * at + 1] : undefined;
  }

  set(article: number, count: number): void {
    const n = this.length;
    let to = n;
    if (n > 0 && this.pairs[2 * n - 2]! >= article) {
      const at = this.find(article);
      if (at >= 0) {
        this.pairs[2 * at + 1] = count;
        return;
      }
      to = -at - 1;
    }
    if (to === n) this.pairs.push(article, count);
    else this.pairs.splice(2 * to, 0, article, count);
    this.length = n + 1;
  }

  delete(article: number): boolean {
    const at = this.find(article);
    if (at < 0) return false;
    this.pairs.splice(2 * at, 2);
    this.length--;
    return true;
  }

  /** The index of `article`'s pair, or -(insertion point) - 1. */
  private find(article: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const id = this.pairs[2 * mid]!;
      if (id < article) low = mid + 1;
      else if (id > article) high = mid - 1;
      else return mid;
    }
    return -low - 1;
  }
}
