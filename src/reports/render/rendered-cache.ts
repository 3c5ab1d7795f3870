import { RENDERED_REPORTS_MAX, RENDERED_STATE_SETS_MAX } from '../../limits';
import { renderJson } from './json';

/** What a rendered report was built from: read-model states that count their changes. */
export interface Revisioned {
  revision: number;
}

/** The renderings made from one set of states, all at the position they were made at. */
interface Renderings {
  position: string;
  rendered: Map<string, string>;
}

/**
 * Rendered JSON of reports built from live read models, per report and
 * parameters, for as long as the states they read have not moved: a report
 * asked again at the same engine position is one lookup. Kept per set of
 * states read (the realisation reads the ledgers, the fund flow the ledgers
 * and the flows), so that reports reading different states, asked in turn,
 * do not drop each other's rendering. A set's first call at a new position
 * drops what it rendered before; past RENDERED_REPORTS_MAX per set the
 * oldest rendering goes, past RENDERED_STATE_SETS_MAX the oldest set.
 */
export class RenderedReportCache {
  private readonly ids = new WeakMap<Revisioned, number>();
  private nextId = 0;
  private readonly sets = new Map<string, Renderings>();

  render(states: readonly Revisioned[], key: string, build: () => unknown): string {
    const ids = states.map((state) => this.idOf(state));
    const position = states.map((state, index) => `${ids[index]}@${state.revision}`).join(',');
    const renderings = this.renderingsOf(ids.join(','), position);
    let json = renderings.rendered.get(key);
    if (json === undefined) {
      json = renderJson(build());
      if (renderings.rendered.size >= RENDERED_REPORTS_MAX)
        renderings.rendered.delete(renderings.rendered.keys().next().value!);
      renderings.rendered.set(key, json);
    }
    return json;
  }

  /** The renderings of a set of states at `position`: emptied when the set moved. */
  private renderingsOf(set: string, position: string): Renderings {
    let renderings = this.sets.get(set);
    if (renderings?.position === position) return renderings;
    if (!renderings && this.sets.size >= RENDERED_STATE_SETS_MAX)
      this.sets.delete(this.sets.keys().next().value!);
    renderings = { position, rendered: new Map() };
    this.sets.set(set, renderings);
    return renderings;
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
