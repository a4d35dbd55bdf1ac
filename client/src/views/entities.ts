// The Entities view (Explorer): the workspace's people, organisations, places and groups, each with its spellings,
// article count and mentions; under an entity its articles, under an article its mentions (a click reveals one).
// A filter box finds entities by any spelling; the view follows the index as articles change.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import { ENTITY_KINDS, type EntitiesResult, type EntityItem, type EntityKind, type ArticleMentionsItem, type MentionItem } from '../../../server/src/protocol';
import { openCommand, ServerTree } from './serverTree';

export const ENTITIES_VIEW = 'corroborate.entities';

const KIND_LABELS: Record<EntityKind, string> = { person: 'People', organization: 'Organisations', place: 'Places', group: 'Groups' };
const KIND_ICONS: Record<EntityKind, string> = { person: 'person', organization: 'organization', place: 'location', group: 'symbol-misc' };

type Node =
  | { readonly type: 'kind'; readonly kind: EntityKind; readonly entities: readonly EntityItem[]; readonly total: number }
  | { readonly type: 'entity'; readonly entity: EntityItem }
  | { readonly type: 'article'; readonly entity: EntityItem; readonly article: ArticleMentionsItem }
  | { readonly type: 'mention'; readonly article: ArticleMentionsItem; readonly mention: MentionItem }
  | { readonly type: 'more'; readonly label: string };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Khmeimim, Hemeimeem · 5 articles · 8 mentions" */
export function entityDescription(entity: EntityItem): string {
  const others = entity.spellings.filter((s) => s.text.toLowerCase() !== entity.name.toLowerCase()).map((s) => s.text);
  return [others.length > 0 ? others.join(', ') : undefined, plural(entity.articles, 'article'), plural(entity.mentions, 'mention')].filter(Boolean).join(' · ');
}

export class EntitiesView extends ServerTree<EntitiesResult, Node> {
  constructor(api: CorroborateApi) {
    super(api, ENTITIES_VIEW, { one: 'entity', many: 'entities' });
  }

  protected async fetch(): Promise<EntitiesResult> {
    if (this.scope === 'article' && !this.articleUri) return { entities: [], totals: { person: 0, organization: 0, place: 0, group: 0 } };
    const uri = this.scopeUri();
    return this.api.entities({ ...(this.filter ? { filter: this.filter } : {}), ...(uri ? { uri } : {}) });
  }

  protected count(data: EntitiesResult): { shown: number; total: number } {
    const total = ENTITY_KINDS.reduce((sum, kind) => sum + data.totals[kind], 0);
    return { shown: data.entities.length, total };
  }

  protected filterPlaceholder(): string {
    return 'Any spelling, or part of one: “khmei” finds Hmeimim';
  }

  getChildren(node?: Node): vscode.ProviderResult<Node[]> {
    if (!node) {
      const data = this.data;
      if (!data) return [];
      return ENTITY_KINDS.filter((kind) => data.totals[kind] > 0).map((kind) => ({
        type: 'kind' as const,
        kind,
        entities: data.entities.filter((e) => e.kind === kind),
        total: data.totals[kind],
      }));
    }
    switch (node.type) {
      case 'kind': {
        const children: Node[] = node.entities.map((entity) => ({ type: 'entity' as const, entity }));
        if (node.total > node.entities.length) children.push({ type: 'more', label: `${node.total - node.entities.length} more: filter to find them` });
        return children;
      }
      case 'entity':
        return this.api.entity({ id: node.entity.id }).then((detail) => {
          if (!detail) return [{ type: 'more' as const, label: 'The index changed: this entity is gone or was merged' }];
          const children: Node[] = detail.articles.map((article) => ({ type: 'article' as const, entity: node.entity, article }));
          if (detail.omittedArticles) children.push({ type: 'more', label: `${plural(detail.omittedArticles, 'more article')} (Find All References lists every mention)` });
          return children;
        });
      case 'article':
        return node.article.mentions.map((mention) => ({ type: 'mention' as const, article: node.article, mention }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(KIND_LABELS[node.kind], vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.total > node.entities.length ? `${node.entities.length} of ${node.total}` : String(node.total);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind]);
        item.id = `kind:${node.kind}`;
        item.contextValue = 'corroborate.entityKind';
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = entityDescription(entity);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[entity.kind]);
        item.id = `entity:${entity.id}:${entity.name}`;
        item.contextValue = 'corroborate.entity';
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendMarkdown(`**${escape(entity.name)}** · ${KIND_LABELS[entity.kind].toLowerCase()}\n\n`);
        tooltip.appendMarkdown(`${plural(entity.mentions, 'mention')} in ${plural(entity.articles, 'article')}\n\n`);
        tooltip.appendMarkdown(entity.spellings.map((s) => `- ${escape(s.text)}: ${plural(s.mentions, 'mention')} in ${plural(s.articles, 'article')}`).join('\n'));
        if (entity.ambiguousWith) tooltip.appendMarkdown(`\n\nNot linked: could be ${entity.ambiguousWith.map(escape).join(' or ')}`);
        item.tooltip = tooltip;
        item.accessibilityInformation = { label: `${entity.name}, ${KIND_LABELS[entity.kind]}, ${item.description}` };
        return item;
      }
      case 'article': {
        const { article } = node;
        const item = new vscode.TreeItem(article.path, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = [article.date, plural(article.mentions.length, 'mention')].filter(Boolean).join(' · ');
        item.resourceUri = this.api.asUri(article.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.id = `article:${node.entity.id}:${article.uri}`;
        return item;
      }
      case 'mention': {
        const { mention, article } = node;
        const line = mention.range.start.line + 1;
        const snippet = mention.snippet ?? mention.text;
        const at = snippet.indexOf(mention.text);
        const label: vscode.TreeItemLabel = { label: snippet, ...(at >= 0 ? { highlights: [[at, at + mention.text.length]] as [number, number][] } : {}) };
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${line}`;
        item.tooltip = `${article.path}:${line}: ${mention.text}`;
        item.command = openCommand(this.api, article.uri, mention.range, 'Reveal the mention');
        item.id = `mention:${article.uri}:${mention.range.start.line}:${mention.range.start.character}`;
        item.accessibilityInformation = { label: `${mention.text}, line ${line} of ${article.path}: ${snippet}` };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  /** Shows an entity (by id) in the view, expanded, when the view is visible. */
  async revealEntity(entity: EntityItem): Promise<void> {
    if (!this.view.visible) return;
    if (this.filter && !this.data?.entities.some((e) => e.id === entity.id)) await this.setFilter('');
    const found = this.data?.entities.find((e) => e.id === entity.id);
    if (!found) return;
    await this.view.reveal({ type: 'entity', entity: found }, { select: true, focus: false, expand: true });
  }

  getParent(node: Node): vscode.ProviderResult<Node> {
    const data = this.data;
    if (!data) return undefined;
    if (node.type === 'entity') {
      const kind = node.entity.kind;
      return { type: 'kind', kind, entities: data.entities.filter((e) => e.kind === kind), total: data.totals[kind] };
    }
    if (node.type === 'article') return { type: 'entity', entity: node.entity };
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!<>|~]/g, (ch) => `\\${ch}`);
}
