// Messages between the timeline panel (extension side) and its webview page. Plain types, imported by both sides.
import type { Range, TimelineResult } from '../../server/src/protocol';

export type TimelineScope = 'workspace' | 'article';

export type ToWebview =
  | {
      readonly type: 'data';
      readonly scope: TimelineScope;
      /** The article the 'article' scope shows, when one is open. */
      readonly articleName?: string;
      readonly result: TimelineResult;
    }
  | { readonly type: 'error'; readonly message: string };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly uri: string; readonly range: Range }
  | { readonly type: 'scope'; readonly scope: TimelineScope }
  /** A content-security-policy violation the page saw (there should never be one). */
  | { readonly type: 'csp'; readonly detail: string };
