import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAnswerForTerminal } from '../../src/cli/format.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ knowledgeDir: path.join(ROOT, 'knowledge') });
});

describe('README', () => {
  it('shows what `npm run ask` prints for its first example, character for character', () => {
    const question = /npm run ask -- "([^"]+)"/u.exec(readme)?.[1];
    expect(question).toBeDefined();
    const printed = formatAnswerForTerminal(engine.answer(question!), false);
    const blocks = [...readme.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gmu)].map((m) => m[1]!.trimEnd());
    expect(blocks).toContain(printed);
  });
});
