/** Issue 33: what changed in a page between two versions, section by section. */
import { describe, expect, it } from 'vitest';
import { versionChanges } from '../../src/versions/changes.js';
import { compareVersions } from '../../src/versions/released.js';

const since = { version: '1.0', date: '2024-03-01' };
const page = (body: string, meta: Record<string, unknown> = { title: 'A briefing', case_studies: ['a', 'b'] }) => ({ meta, body });

describe('what changed between versions (issue 33)', () => {
  it('names sections added, removed, rewritten (with a word diff of their text) and moved, and case studies added or dropped', () => {
    const older = page(
      '## Introduction\n\nPeers carry naloxone.\n\n## Dose\n\nGive a second dose after 2–3 minutes.\n\n## Lessons\n\nTrain peers.\n\n## Funding\n\nPay peers.\n',
    );
    const newer = page(
      '## Funding\n\nPay peers.\n\n## Introduction\n\nPeers carry naloxone.\n\n## Dose\n\nGive a second dose after 2–3 minutes if there is no response.\n\n## New\n\nMore.\n',
      {
        title: 'A briefing',
        case_studies: ['a', 'c'],
      },
    );
    const changes = versionChanges(older, newer, 'en', since);
    expect(changes.since).toEqual(since);
    expect(changes.sections.map((section) => [section.id, section.change])).toEqual([
      ['funding', 'moved'],
      ['dose', 'rewritten'],
      ['new', 'added'],
      ['lessons', 'removed'],
    ]);
    expect(changes.sections[1]!.diff).toEqual([
      { text: 'Give a second dose after 2–3 minutes ', change: 'same' },
      { text: 'if there is no response', change: 'added' },
      { text: '.', change: 'same' },
    ]);
    expect(changes.caseStudies).toEqual({ added: ['c'], dropped: ['b'] });
  });

  it('names a changed title or summary, and nothing for the same text with other {#id}s or line endings', () => {
    const older = page('## Dose\n\nText.\n');
    expect(versionChanges(older, page('## Dose {#dose}\r\n\r\nText.\r\n'), 'en', since).sections).toEqual([]);
    const retitled = versionChanges(older, page('## Dose\n\nText.\n', { title: 'The briefing', case_studies: ['a', 'b'] }), 'en', since);
    expect(retitled.sections.map((section) => [section.id, section.change])).toEqual([['_front', 'rewritten']]);
  });

  it('cuts long unchanged text to the words around a change, and keeps list items apart', () => {
    const long = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const changes = versionChanges(page(`## Part\n\n${long} old end.\n\n- one\n- two\n`), page(`## Part\n\n${long} new end.\n\n- one\n- two\n`), 'en', since);
    const diff = changes.sections[0]!.diff!.map((part) => (part.change === 'same' ? part.text : `[${part.change}:${part.text}]`)).join('');
    expect(diff).toBe('… word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39 [removed:old][added:new] end.\n\none two');
  });

  it('orders versions by their numbers', () => {
    expect(['2.0', '1.10', '1.9', '1.0'].sort(compareVersions)).toEqual(['1.0', '1.9', '1.10', '2.0']);
  });
});
