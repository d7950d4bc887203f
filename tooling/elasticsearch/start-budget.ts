// How long starting local Elasticsearch nodes may take on this machine. A node's start is CPU-bound
// (JVM start, plugin loading, the first cluster state), so on shared cores it stretches with the
// load; a fixed timeout either fails a loaded machine or waits far too long on a broken one.
import os from 'node:os';

/** About what one node needs on idle cores, with room to spare (measured: 15–25 s). */
const PER_NODE_MS = 60_000;
/** Never wait longer than this for a start, however loaded the machine: CI has a time limit. */
export const MAX_START_BUDGET_MS = 600_000;

export interface StartBudget {
  ms: number;
  /** How the budget was derived, for a failure message that says what was slow. */
  basis: string;
}

/** The machine's load right now, for messages: "load 9.1/6.3 on 2 cores". */
export function machineLoad(): string {
  const [one, five] = os.loadavg();
  return `load ${one!.toFixed(1)}/${five!.toFixed(1)} (1/5 min) on ${os.availableParallelism()} cores`;
}

/**
 * The budget for starting `nodes` nodes: PER_NODE_MS each, times how many processes share each
 * core (the higher of the 1- and 5-minute load averages over the cores, at least 1), at most
 * MAX_START_BUDGET_MS.
 */
export function startBudget(nodes: number): StartBudget {
  const cores = os.availableParallelism();
  const [one, five] = os.loadavg();
  const loadFactor = Math.max(1, Math.max(one!, five!) / cores);
  const ms = Math.min(MAX_START_BUDGET_MS, Math.round(nodes * PER_NODE_MS * loadFactor));
  const basis =
    `${nodes} node(s) × ${PER_NODE_MS / 1000} s × load factor ${loadFactor.toFixed(1)} ` +
    `(${machineLoad()})${ms === MAX_START_BUDGET_MS ? `, capped at ${MAX_START_BUDGET_MS / 1000} s` : ''}`;
  return { ms, basis };
}
