import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWordWeightTable, lookUp, readWordWeightTable, writeWordWeightTable } from '../../src/text/word-weight-table.js';
import { generalWeight, idfSource, NUMBER_WEIGHT, SINGLE_CHAR_WEIGHT, UNKNOWN_WORD_WEIGHT } from '../../src/text/word-weights.js';

/** jieba's table the plain way: every "word weight" line, the last one of a word winning. */
function plainTable(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && space < 256) words.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return words;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-word-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const idfText = readFileSync(idfSource(), 'utf8');
const plain = plainTable(idfText);

describe('word weights', () => {
  it('give every word of jieba\'s table exactly the weight its line gives', () => {
    expect(plain.size).toBeGreaterThan(250_000);
    let wrong = 0;
    for (const [word, weight] of plain) if (generalWeight(word) !== weight) wrong++;
    expect(wrong).toBe(0);
  }, 30_000);

  it('give words outside the table the fallback weights', () => {
    expect(plain.has('湘晨郴江')).toBe(false);
    expect(generalWeight('湘晨郴江')).toBe(UNKNOWN_WORD_WEIGHT);
    expect(generalWeight('81.2')).toBe(NUMBER_WEIGHT);
    expect(generalWeight('')).toBe(UNKNOWN_WORD_WEIGHT);
    const single = [...'叫做快吧呢'].find((c) => !plain.has(c));
    if (single) expect(generalWeight(single)).toBe(SINGLE_CHAR_WEIGHT);
  });

  it('keep the last line of a repeated word, skip lines without a weight', () => {
    const t = buildWordWeightTable('东江 3.5\n没有权重\n东江 7.25\n郴州 11.0\n');
    expect(lookUp(t, '东江')).toBe(7.25);
    expect(lookUp(t, '郴州')).toBe(11);
    expect(lookUp(t, '没有权重')).toBeUndefined();
    expect(t.high.length).toBe(2);
  });

  it('read back from the file the build writes, the same for every word', () => {
    const file = path.join(dir, 'word-weights.bin');
    writeWordWeightTable(idfSource(), file);
    const t = readWordWeightTable(idfSource(), file)!;
    expect(t).not.toBeNull();
    let wrong = 0;
    for (const [word, weight] of plain) if (lookUp(t, word) !== weight) wrong++;
    expect(wrong).toBe(0);
    expect(lookUp(t, '湘晨郴江')).toBeUndefined();
  }, 30_000);

  it('ignore a file written from another version of the table (same size, other content)', () => {
    const source = path.join(dir, 'idf.utf8');
    const file = path.join(dir, 'small.bin');
    writeFileSync(source, '东江 3.5\n郴州 11.0\n');
    writeWordWeightTable(source, file);
    expect(lookUp(readWordWeightTable(source, file)!, '东江')).toBe(3.5);
    writeFileSync(source, '东江 4.5\n郴州 11.0\n');
    expect(readWordWeightTable(source, file)).toBeNull();
    expect(readWordWeightTable(source, path.join(dir, 'missing.bin'))).toBeNull();
    writeFileSync(file, 'not a table');
    expect(readWordWeightTable(source, file)).toBeNull();
  });
});
