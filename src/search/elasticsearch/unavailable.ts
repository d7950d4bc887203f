// Turns "the node cannot answer" into BackendUnavailableError (the API's 503), leaving genuine
// request errors (a bad query, a mapping conflict) as they are; a missing index reads as empty.
import { errors } from '@elastic/elasticsearch';
import { BackendUnavailableError } from '../backend.ts';

function unavailableReason(error: unknown): string | null {
  if (error instanceof errors.ConnectionError)
    return `Elasticsearch cannot be reached: ${error.message}`;
  if (error instanceof errors.NoLivingConnectionsError)
    return 'Elasticsearch cannot be reached: no living connections';
  if (error instanceof errors.TimeoutError) return 'Elasticsearch did not answer in time';
  if (error instanceof errors.ResponseError && error.statusCode === 503)
    return `Elasticsearch is not ready: ${error.message}`;
  return null;
}

export function toBackendError(error: unknown): unknown {
  if (error instanceof BackendUnavailableError) return error;
  const reason = unavailableReason(error);
  return reason === null ? error : new BackendUnavailableError(reason, { cause: error });
}

/** Runs an Elasticsearch call, rethrowing connection failures as BackendUnavailableError. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toBackendError(error);
  }
}

/** Partial results would be silently wrong counts: a search that some shard failed is refused. */
export function requireAllShards(response: {
  _shards: { failed: number; failures?: { reason: { reason?: string | null } }[] };
}): void {
  if (response._shards.failed === 0) return;
  const reason = response._shards.failures?.[0]?.reason.reason ?? 'unknown reason';
  throw new BackendUnavailableError(
    `Elasticsearch answered from part of the index only: ${reason}`,
  );
}

/** Before the first indexing the alias does not exist: an empty index, not an error (→ null). */
export async function orNothing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (
      error instanceof errors.ResponseError &&
      error.statusCode === 404 &&
      (error.body as { error?: { type?: string } } | undefined)?.error?.type ===
        'index_not_found_exception'
    )
      return null;
    throw error;
  }
}
