import type { FileReport } from '../knowledge/accounting.js';
import type { Passage } from '../knowledge/types.js';
import { EngineNotReadyError } from '../shared/errors.js';
import type { RecordsReader } from '../records/query.js';
import type { PassageLookup, ReportSource } from './types.js';

/** Passage id → where it sits, over a list of passages. */
export function passageLookup(passages: Passage[]): PassageLookup {
  const byId = new Map(passages.map((p) => [p.id, { article: p.article, section: p.section, paragraph: p.paragraph }]));
  return (id) => byId.get(id) ?? null;
}

/**
 * The passages being served, from the engine's current snapshot: a report taken after a
 * failed reload describes what answers, not the broken folder. Before the first load
 * finishes, nothing is known: the report still shows passage ids.
 */
export function servedLookup(engine: { passage(id: string): Passage | null }): PassageLookup {
  return (id) => {
    try {
      return engine.passage(id);
    } catch (err) {
      if (err instanceof EngineNotReadyError) return null;
      throw err;
    }
  };
}

/**
 * Passages of a knowledge folder read from disk, for the report CLI (a process that
 * serves nothing). A folder that cannot be read gives an empty lookup: the report still shows passage ids.
 */
export async function knowledgeLookup(knowledgeDir: string): Promise<PassageLookup> {
  return (await knowledgeState(knowledgeDir)).lookup;
}

/** The lookup and the files of the folder that were skipped or failed (for the report's list of them). */
export async function knowledgeState(knowledgeDir: string): Promise<{ lookup: PassageLookup; problems: FileReport[] }> {
  try {
    const { loadKnowledge } = await import('../knowledge/load.js');
    const knowledge = await loadKnowledge(knowledgeDir);
    return { lookup: passageLookup(knowledge.passages), problems: problemFiles(knowledge.files) };
  } catch (err) {
    return { lookup: () => null, problems: [{ file: knowledgeDir, status: 'failed', kind: 'other', reason: (err as Error).message }] };
  }
}

/** The files a manager has to look at: skipped and failed ones. */
export const problemFiles = (files: FileReport[]) => files.filter((f) => f.status !== 'loaded');

/**
 * Reports for the bot and the admin route.
 *
 * @example
 * const reports = createReportSource({ query: store.query, lookup: () => servedLookup(engine) });
 * const report = await reports.report({ since: parseSince('7d') });
 */
export function createReportSource(deps: {
  query: RecordsReader;
  lookup: () => Promise<PassageLookup> | PassageLookup;
  /** The knowledge folder's files; the report lists the skipped and failed ones. */
  files?: () => FileReport[];
}): ReportSource {
  return {
    report: async ({ since, limit }) => {
      // Loaded on the first report, not at start-up: it normalizes and segments text (OpenCC and jieba,
      // about a second to load), which the server's main thread otherwise never needs.
      const { buildReport } = await import('./build-report.js');
      // Read first (PostgreSQL answers later), then build from what was read.
      const [questions, feedback] = await Promise.all([deps.query.questions(since), deps.query.feedback(since)]);
      const report = buildReport({ questions: () => questions, feedback: () => feedback }, await deps.lookup(), { since, ...(limit ? { limit } : {}) });
      return deps.files ? { ...report, files: problemFiles(deps.files()) } : report;
    },
  };
}
