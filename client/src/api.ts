// The client's side of Corroborate's custom requests (server/src/protocol.ts): typed calls, the latest status, and an
// event when it changes. The views, the status bar and the commands talk to the server only through this.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  type ArticleDateEdit,
  type ArticleDateParams,
  type EntitiesParams,
  type EntitiesResult,
  type EntityDetail,
  type EntityParams,
  type FactSheetParams,
  type FactSheetResult,
  type FactsParams,
  type FactsResult,
  type StatusParams,
  type TimelineParams,
  type TimelineResult,
} from '../../server/src/protocol';

export class CorroborateApi implements vscode.Disposable {
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams>();
  private readonly disposables: vscode.Disposable[] = [this.statusEmitter];
  private latest: StatusParams | undefined;

  /** Fires with every status the server sends (indexing progress, index changes), and after a restart. */
  readonly onDidChangeStatus = this.statusEmitter.event;

  private readonly invalidateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the server's answers may have changed without a change of the index: the `corroborate` settings or
   *  a `.corroborate.json` changed (the status is asked for again first). */
  readonly onDidInvalidate = this.invalidateEmitter.event;
  private invalidateTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.corroborate.json');
    const invalidate = () => {
      if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
      // after the server has taken the change in
      this.invalidateTimer = setTimeout(() => {
        void this.status().then((status) => {
          if (status) this.publish(status);
          this.invalidateEmitter.fire();
        });
      }, 700);
    };
    this.disposables.push(
      this.invalidateEmitter,
      configWatcher,
      configWatcher.onDidChange(invalidate),
      configWatcher.onDidCreate(invalidate),
      configWatcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('corroborate')) invalidate();
      }),
      client.onNotification(Methods.statusChanged, (status: StatusParams) => this.publish(status)),
      // after a (re)start the server's version counter starts again: ask for the state now
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.status().then((status) => status && this.publish(status));
      }),
    );
  }

  /** The last status the server reported, if any. */
  get current(): StatusParams | undefined {
    return this.latest;
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  private publish(status: StatusParams): void {
    this.latest = status;
    this.statusEmitter.fire(status);
  }

  /** The client's URI string of a document, as the server knows it. */
  uriOf(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  asRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
    return this.client.protocol2CodeConverter.asRange(range);
  }

  asUri(uri: string): vscode.Uri {
    return this.client.protocol2CodeConverter.asUri(uri);
  }

  private async request<P, R>(method: string, params: P): Promise<R> {
    if (!this.running) await this.whenRunning();
    return this.client.sendRequest<R>(method, params);
  }

  /** Waits (up to a minute) for the server to run: requests made while it starts or restarts wait for it. */
  private whenRunning(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error('the Corroborate language server is not running'));
      }, 60_000);
      const listener = this.client.onDidChangeState((event) => {
        if (event.newState !== State.Running) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
  }

  status(): Promise<StatusParams | undefined> {
    return this.request<unknown, StatusParams>(Methods.status, {}).catch(() => undefined);
  }

  entities(params: EntitiesParams): Promise<EntitiesResult> {
    return this.request(Methods.entities, params);
  }

  entity(params: EntityParams): Promise<EntityDetail | null> {
    return this.request(Methods.entity, params);
  }

  facts(params: FactsParams): Promise<FactsResult> {
    return this.request(Methods.facts, params);
  }

  timeline(params: TimelineParams): Promise<TimelineResult> {
    return this.request(Methods.timeline, params);
  }

  factSheet(params: FactSheetParams): Promise<FactSheetResult> {
    return this.request(Methods.factSheet, params);
  }

  articleDateEdit(params: ArticleDateParams): Promise<ArticleDateEdit | null> {
    return this.request(Methods.articleDateEdit, params);
  }

  async reindex(): Promise<StatusParams> {
    const status = await this.request<unknown, StatusParams>(Methods.reindex, {});
    this.publish(status);
    return status;
  }

  dispose(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
