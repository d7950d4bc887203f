// The worker thread behind POST /api/analyze (see analysis-pool.ts): a maximal text takes seconds
// to analyse, which on the server's own thread would hold up every other request. The answer
// leaves as JSON text: one string crosses to the server's thread more cheaply than 100,000 token
// objects, and the server need not serialise them either.
import { analyzeText } from '../analysis/text-analysis.ts';

export default function analyzeToJson(text: string): string {
  return JSON.stringify(analyzeText(text));
}
