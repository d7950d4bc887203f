// The worker thread that completes drafts (language and entities, the pipeline's costliest steps)
// beside the thread that reads sources and indexes (see completion.ts).
import type { DocumentRecord } from '../model/document.ts';
import { completeDocument } from './complete-document.ts';
import type { DraftDocument } from './draft.ts';

export default function completeInWorker(draft: DraftDocument): DocumentRecord {
  return completeDocument(draft);
}
