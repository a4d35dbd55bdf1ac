// The few browser types the page-side functions use. The project compiles without the DOM library (so server code
// cannot reach for `document` by mistake); code passed to page.evaluate() reads them from globalThis instead.
export interface DomRect {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}
export interface DomNode {
  readonly parentElement: DomElement | null;
}
export interface DomText extends DomNode {
  readonly data: string;
}
export interface DomElement extends DomNode {
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
export interface DomRange {
  setStart(node: DomNode, offset: number): void;
  setEnd(node: DomNode, offset: number): void;
  getBoundingClientRect(): DomRect;
}
export interface BrowserWindow {
  readonly document: {
    querySelector(selector: string): DomElement | null;
    createRange(): DomRange;
    createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomNode | null; readonly currentNode: DomNode };
  };
  getComputedStyle(element: DomElement): { readonly color: string };
}
/** NodeFilter.SHOW_TEXT */
export const SHOW_TEXT = 4;
