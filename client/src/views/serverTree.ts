// What the Entities and Facts views share: data fetched from the server for a scope (the workspace, or the active
// article) and a filter, refreshed when the server reports a change of the index (only while the view is visible;
// a hidden view refreshes when it is shown again), a filter box that filters as you type, and the view's message.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';

export type Scope = 'workspace' | 'article';

/** A tree view over data the server computes for a scope and a filter. */
export abstract class ServerTree<Data, Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  protected data: Data | undefined;
  protected error: string | undefined;
  protected filter = '';
  protected scope: Scope = 'workspace';
  /** The article the view shows in the 'article' scope. */
  protected articleUri: vscode.Uri | undefined;
  readonly view: vscode.TreeView<Node>;
  private readonly changeEmitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** The status version the data was fetched at; a newer one makes it stale. */
  private seenVersion = -1;
  private stale = true;
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    protected readonly api: CorroborateApi,
    /** The view's id, also the prefix of its context keys (`<id>.filtered`, `<id>.scope`). */
    readonly id: string,
    private readonly noun: { one: string; many: string },
  ) {
    this.view = vscode.window.createTreeView(id, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.view.onDidChangeVisibility((event) => {
        if (event.visible && this.stale) this.refresh();
      }),
      api.onDidChangeStatus((status) => {
        if (status.indexing) return;
        if (status.version !== this.seenVersion) this.invalidate();
      }),
      api.onDidInvalidate(() => this.invalidate()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.scope !== 'article' || !editor || !isArticleEditor(editor)) return;
        if (editor.document.uri.toString() === this.articleUri?.toString()) return;
        this.articleUri = editor.document.uri;
        this.invalidate();
      }),
    );
    void this.setContext();
  }

  /** Fetches the data for the current scope and filter. */
  protected abstract fetch(): Promise<Data>;

  /** How many things the data holds, for the view's message. */
  protected abstract count(data: Data): { shown: number; total: number };

  abstract getTreeItem(node: Node): vscode.TreeItem;
  abstract getChildren(node?: Node): vscode.ProviderResult<Node[]>;

  /** The data is out of date: refresh soon if the view is visible, else when it is shown. While articles are being
   *  edited the index changes every few hundred milliseconds: the workspace-wide lists wait for a pause in the
   *  changes (a full list of a large workspace costs the server a few hundred milliseconds). */
  invalidate(): void {
    this.stale = true;
    if (!this.view.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.scope === 'workspace' ? 800 : 200);
  }

  /** Fetches again and redraws. Resolves when the new data is shown. */
  refresh(): Promise<void> {
    this.stale = false;
    const version = this.api.current?.version ?? -1;
    const run = async () => {
      try {
        if (this.scope === 'article' && !this.articleUri) {
          const editor = vscode.window.activeTextEditor;
          if (editor && isArticleEditor(editor)) this.articleUri = editor.document.uri;
        }
        this.data = await this.fetch();
        this.error = undefined;
        this.seenVersion = version;
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
      }
      this.updateMessage();
      this.changeEmitter.fire();
    };
    this.loading = (this.loading ?? Promise.resolve()).then(run, run);
    return this.loading;
  }

  /** The scope's article URI as the server knows it (undefined in the workspace scope). */
  protected scopeUri(): string | undefined {
    return this.scope === 'article' && this.articleUri ? this.api.uriOf(this.articleUri) : undefined;
  }

  async setFilter(filter: string): Promise<void> {
    this.filter = filter.trim();
    await this.setContext();
    await this.refresh();
  }

  async setScope(scope: Scope): Promise<void> {
    this.scope = scope;
    if (scope === 'article') {
      const editor = vscode.window.activeTextEditor;
      if (editor && isArticleEditor(editor)) this.articleUri = editor.document.uri;
    }
    await this.setContext();
    await this.refresh();
  }

  /** A filter box over the view: the view follows each keystroke; Enter or Escape closes the box. */
  async showFilterBox(): Promise<void> {
    const box = vscode.window.createInputBox();
    box.title = `Filter ${this.view.title ?? this.noun.many}`;
    box.placeholder = this.filterPlaceholder();
    box.value = this.filter;
    let pending: NodeJS.Timeout | undefined;
    box.onDidChangeValue((value) => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void this.setFilter(value), 200);
    });
    box.onDidAccept(() => {
      if (pending) clearTimeout(pending);
      void this.setFilter(box.value);
      box.hide();
    });
    box.onDidHide(() => box.dispose());
    box.show();
  }

  protected abstract filterPlaceholder(): string;

  private updateMessage(): void {
    const parts: string[] = [];
    if (this.error) parts.push(`Could not load: ${this.error}`);
    else if (this.data) {
      const { shown, total } = this.count(this.data);
      const scope = this.scope === 'article' ? (this.articleUri ? `in ${baseName(this.articleUri)}` : 'in the active article (none is open)') : '';
      if (this.filter) parts.push(`Filter “${this.filter}”: ${total} ${total === 1 ? this.noun.one : this.noun.many}${scope ? ` ${scope}` : ''}`);
      else if (scope) parts.push(`${total} ${total === 1 ? this.noun.one : this.noun.many} ${scope}`);
      if (shown < total) parts.push(`showing ${shown}`);
    }
    this.view.message = parts.join(' · ') || undefined;
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', `${this.id}.filtered`, this.filter.length > 0);
    await vscode.commands.executeCommand('setContext', `${this.id}.scope`, this.scope);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function isArticleEditor(editor: vscode.TextEditor): boolean {
  return ['plaintext', 'markdown', 'article'].includes(editor.document.languageId) && ['file', 'untitled'].includes(editor.document.uri.scheme);
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, '');
}

/** The command a tree item runs to open a place in an article. */
export const OPEN_LOCATION = 'corroborate.openLocation';

export function openCommand(api: CorroborateApi, uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, title = 'Open'): vscode.Command {
  return { command: OPEN_LOCATION, title, arguments: [api.asUri(uri), api.asRange(range)] };
}

/**
 * Opens an article with a range selected (and revealed). Through `vscode.open`, not `showTextDocument`: a document an
 * extension opens itself is kept alive for minutes after its editor closes, and the server would go on treating it
 * as open (its text, not the disk's).
 */
export async function openLocation(uri: vscode.Uri, range: vscode.Range, viewColumn?: vscode.ViewColumn): Promise<void> {
  const options: vscode.TextDocumentShowOptions = { selection: range, preserveFocus: false, preview: true, ...(viewColumn ? { viewColumn } : {}) };
  await vscode.commands.executeCommand('vscode.open', uri, options);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.uri.toString() === uri.toString()) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens a file in an editor (see openLocation for why not showTextDocument). */
export async function openFile(uri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false } satisfies vscode.TextDocumentShowOptions);
  const editor = vscode.window.activeTextEditor;
  return editor?.document.uri.toString() === uri.toString() ? editor : undefined;
}
