/**
 * The load generator, in its own process so it does not share a CPU thread with the server:
 *   tsx bench/load.ts --url http://127.0.0.1:PORT --connections 10 --seconds 10 --questions FILE.jsonl
 * POSTs /api/ask with the file's questions in turn; prints one JSON line.
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { readQuestions } from '../src/cli/eval-data.js';

const { values } = parseArgs({
  options: { url: { type: 'string' }, connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' }, questions: { type: 'string' } },
});
if (!values.url?.startsWith('http://127.0.0.1:')) throw new Error('bench traffic goes to 127.0.0.1 only');
const questions = values.questions ? readQuestions(values.questions).map((q) => q.question) : ['东江湖的蓄水量有多大?'];
let i = 0;
const result = await autocannon({
  url: values.url,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  requests: [
    {
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[i++ % questions.length] }) }),
    },
  ],
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  }),
);
