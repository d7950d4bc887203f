// Keyword values (facet values, titles, document ids) as small integers: the columns of the index
// hold ids, counting uses arrays indexed by id, and each distinct string is kept once.
export class ValueDictionary {
  readonly values: string[];
  private readonly ids = new Map<string, number>();

  constructor(values: string[] = []) {
    this.values = values;
    values.forEach((value, id) => this.ids.set(value, id));
  }

  /** The id of `value`, added when new. */
  add(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}
