// The timeline panel: a webview beside the editor showing every resolved date of the workspace, or of the active
// article, on a time axis. The data comes from the server (corroborate/timeline) and is sent again when the index
// changes or, in the article scope, when another article becomes active; a click in the page opens the date.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import type { FromWebview, TimelineScope, ToWebview } from '../../webview/messages';
import { baseName, isArticleEditor, openLocation } from '../views/serverTree';
import { timelinePage } from './html';

export const TIMELINE_VIEW_TYPE = 'corroborate.timeline';

export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private scope: TimelineScope = 'workspace';
  private article: vscode.Uri | undefined;
  private sentVersion = -1;
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the timeline (creating it if needed), in `scope` when given. */
  static show(extensionUri: vscode.Uri, api: CorroborateApi, log: (message: string) => void, scope?: TimelineScope): TimelinePanel {
    const editor = vscode.window.activeTextEditor;
    const article = editor && isArticleEditor(editor) ? editor.document.uri : undefined;
    if (TimelinePanel.current) {
      const existing = TimelinePanel.current;
      if (article) existing.article = article;
      if (scope) existing.scope = scope;
      existing.panel.reveal(undefined, true);
      existing.send();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      'Timeline',
      { viewColumn: editor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')], retainContextWhenHidden: false },
    );
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'icon.png');
    TimelinePanel.current = new TimelinePanel(panel, extensionUri, api, log, scope ?? 'workspace', article);
    return TimelinePanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly api: CorroborateApi,
    private readonly log: (message: string) => void,
    scope: TimelineScope,
    article: vscode.Uri | undefined,
  ) {
    this.scope = scope;
    this.article = article;
    const webview = panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
    webview.html = timelinePage({ cspSource: webview.cspSource, scriptUri: asset('timeline-webview.js'), styleUri: asset('timeline-webview.css') });
    this.disposables.push(
      webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.visible && (api.current?.version ?? -1) !== this.sentVersion) this.send();
      }),
      api.onDidChangeStatus((status) => {
        if (!status.indexing && status.version !== this.sentVersion) this.sendSoon();
      }),
      api.onDidInvalidate(() => this.sendSoon()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isArticleEditor(editor) || editor.document.uri.toString() === this.article?.toString()) return;
        this.article = editor.document.uri;
        if (this.scope === 'article') this.sendSoon();
      }),
    );
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.send();
        break;
      case 'scope':
        this.scope = message.scope;
        await this.send();
        break;
      case 'open': {
        const uri = this.api.asUri(message.uri);
        const column = vscode.window.visibleTextEditors.find((e) => isArticleEditor(e))?.viewColumn ?? vscode.ViewColumn.One;
        await openLocation(uri, this.api.asRange(message.range), column);
        break;
      }
      case 'csp':
        this.log(`timeline: content security policy violation: ${message.detail}`);
        break;
    }
  }

  private sendSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), 500);
  }

  /** Fetches the dates for the scope and posts them to the page (once it is ready). */
  async send(): Promise<void> {
    if (!this.ready) return;
    const version = this.api.current?.version ?? -1;
    let message: ToWebview;
    try {
      const uri = this.scope === 'article' && this.article ? this.api.uriOf(this.article) : undefined;
      const result =
        this.scope === 'article' && !uri ? { items: [], articles: [], total: 0 } : await this.api.timeline(uri ? { uri } : {});
      message = { type: 'data', scope: this.scope, ...(this.article ? { articleName: baseName(this.article) } : {}), result };
      this.sentVersion = version;
    } catch (error) {
      message = { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    this.panel.title = this.scope === 'article' && this.article ? `Timeline: ${baseName(this.article)}` : 'Timeline';
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}
