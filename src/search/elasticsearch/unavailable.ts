// Turns "the node cannot answer" into BackendUnavailableError (the API's 503), leaving genuine
// request errors (a bad query, a mapping conflict) as they are.
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
