// The versioned concrete indices behind the passage alias: `<alias>-<epoch ms>`. Searches always
// go through the alias; a rebuild fills a fresh index and swaps the alias in one atomic _aliases
// call, so a query sees either the old complete index or the new complete one.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@elastic/elasticsearch';
import { DEFAULT_PASSAGE_ALIAS, PASSAGE_ALIAS_PATTERN } from '../../config.ts';
import { loadIndexTemplate, toPutTemplateRequest, type IndexTemplate } from './index-template.ts';

/** Searches that resolved the alias just before a swap still run on the old index: let them end. */
const SWAP_GRACE_MS = 2_000;

export class PassageIndices {
  private templateInstalled = false;
  private readonly template: IndexTemplate = loadIndexTemplate();

  constructor(
    private readonly client: Client,
    readonly alias: string = DEFAULT_PASSAGE_ALIAS,
  ) {
    if (!PASSAGE_ALIAS_PATTERN.test(alias))
      throw new Error(
        `passage alias must be "${DEFAULT_PASSAGE_ALIAS}" or "${DEFAULT_PASSAGE_ALIAS}-<words starting with a-z>"`,
      );
  }

  /** Concrete indices the alias points at (normally one; none before the first indexing). */
  async live(): Promise<string[]> {
    const aliases = await this.client.indices.getAlias({ name: this.alias }, { ignore: [404] });
    // With 404 ignored, a missing alias comes back as { error, status } instead of index names.
    return 'error' in aliases ? [] : Object.keys(aliases);
  }

  /** This alias's concrete indices, live or not (leftovers of an interrupted rebuild). */
  private async all(): Promise<string[]> {
    const pattern = new RegExp(`^${this.alias}-\\d+$`);
    const indices = await this.client.cat.indices({
      index: `${this.alias}-*`,
      format: 'json',
      h: ['index'],
      expand_wildcards: 'all',
    });
    return indices.map((row) => row.index ?? '').filter((name) => pattern.test(name));
  }

  /** Creates a new concrete index; `building` turns off refreshes until finishBuilding(). */
  async create(options: { building: boolean }): Promise<string> {
    if (!this.templateInstalled) {
      await this.client.indices.putIndexTemplate(toPutTemplateRequest(this.template));
      this.templateInstalled = true;
    }
    const name = `${this.alias}-${Date.now()}`;
    await this.client.indices.create({
      index: name,
      settings: options.building ? { refresh_interval: '-1' } : {},
    });
    return name;
  }

  async finishBuilding(index: string): Promise<void> {
    await this.client.indices.putSettings({ index, settings: { refresh_interval: '1s' } });
    await this.client.indices.refresh({ index });
  }

  /**
   * The index upserts go to: the live one, or a new one put behind the alias. A live index built
   * under another passage declaration is refused: its mapping would silently miss or misread fields.
   */
  async liveOrCreate(): Promise<string> {
    const [live] = await this.live();
    if (live) {
      const mappings = await this.client.indices.getMapping({ index: live });
      const fingerprint = mappings[live]?.mappings._meta?.fingerprint as unknown;
      const expected = this.template.template.mappings._meta?.fingerprint as unknown;
      if (fingerprint !== expected)
        throw new Error(
          `index ${live} was built for another passage declaration (fingerprint ${String(fingerprint)}, this version's is ${String(expected)}): rebuild it (vraagbaak index --rebuild)`,
        );
      return live;
    }
    const created = await this.create({ building: false });
    await this.client.indices.updateAliases({
      actions: [{ add: { index: created, alias: this.alias } }],
    });
    return created;
  }

  /**
   * Points the alias at `index` alone in one atomic call, then deletes the indices it replaced and
   * any older leftovers of interrupted rebuilds (a newer one may be another rebuild in progress).
   */
  async swapTo(index: string): Promise<void> {
    const previous = await this.live();
    await this.client.indices.updateAliases({
      actions: [
        ...previous.map((old) => ({ remove: { index: old, alias: this.alias } })),
        { add: { index, alias: this.alias } },
      ],
    });
    await sleep(SWAP_GRACE_MS);
    const stamp = (name: string) => Number(name.slice(this.alias.length + 1));
    const obsolete = (await this.all()).filter((name) => stamp(name) < stamp(index));
    await this.remove([...new Set([...previous, ...obsolete])]);
  }

  async remove(indices: string[]): Promise<void> {
    if (indices.length > 0) await this.client.indices.delete({ index: indices }, { ignore: [404] });
  }

  /** Deletes everything behind the alias, and leftovers of interrupted rebuilds. */
  async removeAll(): Promise<void> {
    await this.remove([...new Set([...(await this.live()), ...(await this.all())])]);
  }
}
