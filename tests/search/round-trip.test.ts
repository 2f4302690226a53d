import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createSearchIndex, loadSearchIndex } from '../../src/search/search-index.js';
import { createSynonyms } from '../../src/search/synonyms.js';
import { normalize } from '../../src/text/normalize.js';
import { tokens } from '../../src/text/terms.js';

describe('search index serialization', () => {
  it('gives identical results after toJSON and load', async () => {
    const k = await loadKnowledge('knowledge');
    const synonyms = createSynonyms(k.synonyms);
    const built = createSearchIndex(k.passages, synonyms);
    const loaded = loadSearchIndex(built.toJSON(), synonyms);
    expect(loaded.size).toBe(built.size);
    for (const q of ['东江湖蓄水量', '跨境一锁通关', '湾区菜篮子基地', '郴州北湖机场', '香港包裹费用']) {
      const terms = tokens(normalize(q));
      expect(loaded.search(terms, 10)).toEqual(built.search(terms, 10));
      expect(built.search(terms, 10).length).toBeGreaterThan(0);
    }
    expect(loaded.wordDf('东江湖')).toBe(built.wordDf('东江湖'));
  });

  it('refuses an index of another version', () => {
    const json = JSON.stringify({ version: -1 });
    expect(() => loadSearchIndex(json, createSynonyms([]))).toThrow(/version/u);
  });
});
