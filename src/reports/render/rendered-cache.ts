import { RENDERED_REPORTS_MAX } from '../../limits';
import { renderJson } from './json';

/** What a rendered report was built from: read-model states that count their changes. */
export interface Revisioned {
  revision: number;
}

/**
 * Rendered JSON of reports built from live read models, per report and
 * parameters, for as long as the states they read have not moved: a report
 * asked again at the same engine position is one lookup. The first call at a
 * new position drops everything rendered before; past RENDERED_REPORTS_MAX
 * the oldest rendering goes.
 */
export class RenderedReportCache {
  private readonly ids = new WeakMap<Revisioned, number>();
  private nextId = 0;
  private position = '';
  private readonly rendered = new Map<string, string>();

  render(states: readonly Revisioned[], key: string, build: () => unknown): string {
    const position = states.map((state) => `${this.idOf(state)}@${state.revision}`).join(',');
    if (position !== this.position) {
      this.rendered.clear();
      this.position = position;
    }
    let json = this.rendered.get(key);
    if (json === undefined) {
      json = renderJson(build());
      if (this.rendered.size >= RENDERED_REPORTS_MAX)
        this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(key, json);
    }
    return json;
  }

  /** A state object replaced by a rebuild starts again at revision 0: its identity tells it apart. */
  private idOf(state: Revisioned): number {
    let id = this.ids.get(state);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(state, id);
    }
    return id;
  }
}
