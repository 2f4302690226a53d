import { loadKnowledge } from '../knowledge/load.js';
import type { Passage } from '../knowledge/types.js';
import type { RecordsQuery } from '../records/query.js';
import { buildReport } from './build-report.js';
import type { PassageLookup, ReportSource } from './types.js';

/** Passage id → where it sits, over a list of passages. */
export function passageLookup(passages: Passage[]): PassageLookup {
  const byId = new Map(passages.map((p) => [p.id, { article: p.article, section: p.section, paragraph: p.paragraph }]));
  return (id) => byId.get(id) ?? null;
}

/**
 * Passages of the knowledge folder as it is now (re-read per report: reports are rare,
 * and a reload may have changed the folder). A folder that cannot be read gives an empty
 * lookup: the report still shows passage ids.
 */
export async function knowledgeLookup(knowledgeDir: string): Promise<PassageLookup> {
  try {
    return passageLookup((await loadKnowledge(knowledgeDir)).passages);
  } catch {
    return () => null;
  }
}

/**
 * Reports for the bot and the admin route.
 *
 * @example
 * const reports = createReportSource({ query: store.query, lookup: () => knowledgeLookup('knowledge') });
 * const report = await reports.report({ since: parseSince('7d') });
 */
export function createReportSource(deps: { query: RecordsQuery; lookup: () => Promise<PassageLookup> | PassageLookup }): ReportSource {
  return {
    report: async ({ since, limit }) => buildReport(deps.query, await deps.lookup(), { since, ...(limit ? { limit } : {}) }),
  };
}
