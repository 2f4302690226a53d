import { expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { folderOf, FORMATS, furnitureQuestions, measure } from '../helpers/format-quality.js';

it('questions are answered through every format about as well as through the clean .md (≥ 95% overall, ≥ 85% per format)', async () => {
  const rows = await measure();
  for (const r of rows) expect(r.formatHits, r.format).toBeGreaterThanOrEqual(Math.ceil(0.85 * r.cleanHits));
  const sum = (k: 'formatHits' | 'cleanHits') => rows.reduce((n, r) => n + r[k], 0);
  expect(sum('formatHits')).toBeGreaterThanOrEqual(Math.ceil(0.95 * sum('cleanHits')));
  // The clean baseline itself answers most: the comparison means something.
  expect(sum('cleanHits')).toBeGreaterThanOrEqual(0.8 * rows.reduce((n, r) => n + r.questions, 0));
}, 120_000);

it('questions whose answers are only in the page furniture never get it quoted', async () => {
  const engine = await createEngine({ knowledgeDir: folderOf(FORMATS.map((f) => ({ from: 'produced', name: f.file }))), answerCacheSize: 0 });
  for (const q of furnitureQuestions()) {
    const quoted = engine.answer(q.question).results.map((r) => r.excerpt).join('\n');
    expect(quoted, q.question).not.toContain(q.answer);
  }
}, 60_000);
