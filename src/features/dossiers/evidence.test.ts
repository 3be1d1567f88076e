import { describe, expect, it } from 'vitest';
import { renderMarkdown, markdownToText } from '../../platform/markdown.js';
import { markEvidence, markEvidenceWithIds } from './evidence.js';

describe('markEvidence', () => {
  it('wraps the first occurrence of a plain sentence', () => {
    const html = '<p>Intro. The two presidents signed a treaty. The two presidents signed a treaty.</p>';
    expect(markEvidence(html, [{ id: 7, text: 'The two presidents signed a treaty.' }])).toBe(
      '<p>Intro. <mark id="evidence-7" class="evidence">The two presidents signed a treaty.</mark> The two presidents signed a treaty.</p>',
    );
  });

  it('matches across inline tags and wraps them whole when they nest', () => {
    const html = '<p>Before. President <strong>Sadyr Japarov</strong> paid a <a href="/x">state visit</a> to China. After.</p>';
    const out = markEvidence(html, [{ id: 3, text: 'President Sadyr Japarov paid a state visit to China.' }]);
    expect(out).toBe(
      '<p>Before. <mark id="evidence-3" class="evidence">President <strong>Sadyr Japarov</strong> paid a <a href="/x">state visit</a> to China.</mark> After.</p>',
    );
  });

  it('marks runs separately when the sentence starts inside an element', () => {
    const html = '<p><em>Trade grew</em> to $4 billion. Next.</p>';
    const out = markEvidence(html, [{ id: 1, text: 'grew to $4 billion.' }]);
    expect(out).toBe(
      '<p><em>Trade <mark id="evidence-1" class="evidence">grew</mark></em><mark class="evidence" data-evidence="1"> to $4 billion.</mark> Next.</p>',
    );
  });

  it('decodes entities and treats curly and straight quotes alike', () => {
    const html = '<p>Turnover at Black &amp; Sea&#39;s port rose, the ministry said: &ldquo;a record&rdquo;.</p>';
    const out = markEvidence(html, [{ id: 9, text: 'Turnover at Black & Sea’s port rose, the ministry said: "a record".' }]);
    expect(out).toBe(
      '<p><mark id="evidence-9" class="evidence">Turnover at Black &amp; Sea&#39;s port rose, the ministry said: &ldquo;a record&rdquo;.</mark></p>',
    );
  });

  it('finds sentences the engine read from Markdown (emphasis, links, line breaks)', () => {
    const md = 'Mirziyoyev held *talks* with [Tokayev](https://example.org)\nin narrow and expanded formats.';
    const text = markdownToText(md);
    const out = markEvidence(renderMarkdown(md), [{ id: 2, text }]);
    expect(out).toContain(
      '<mark id="evidence-2" class="evidence">Mirziyoyev held <em>talks</em> with <a href="https://example.org">Tokayev</a>\nin narrow and expanded formats.</mark>',
    );
  });

  it('gives facts that share a sentence anchors inside one mark', () => {
    const out = markEvidence('<p>He arrived in Astana and met Tokayev.</p>', [
      { id: 4, text: 'He arrived in Astana and met Tokayev.' },
      { id: 5, text: 'He arrived in Astana and met Tokayev.' },
    ]);
    expect(out).toBe(
      '<p><mark id="evidence-4" class="evidence"><span id="evidence-5" class="evidence-anchor"></span>He arrived in Astana and met Tokayev.</mark></p>',
    );
  });

  it('skips sentences it cannot find and overlapping ones, leaving the HTML valid', () => {
    const html = '<p>One sentence here.</p>';
    expect(markEvidence(html, [{ id: 1, text: 'A title sentence.' }])).toBe(html);
    const out = markEvidence(html, [
      { id: 1, text: 'One sentence here.' },
      { id: 2, text: 'sentence here' },
    ]);
    expect(out).toBe('<p><mark id="evidence-1" class="evidence">One sentence here.</mark></p>');
  });

  it('never matches across paragraphs with a single mark', () => {
    const out = markEvidence('<p>End of one.</p>\n<p>Start of two.</p>', [{ id: 6, text: 'End of one. Start of two.' }]);
    expect(out).toBe(
      '<p><mark id="evidence-6" class="evidence">End of one.</mark></p>\n<p><mark class="evidence" data-evidence="6">Start of two.</mark></p>',
    );
  });

  it('does not look inside attributes or code', () => {
    const html = '<p><a title="Beijing said so." href="/b">Link</a> <code>Beijing said so.</code> Beijing said so.</p>';
    expect(markEvidence(html, [{ id: 8, text: 'Beijing said so.' }])).toBe(
      '<p><a title="Beijing said so." href="/b">Link</a> <code>Beijing said so.</code> <mark id="evidence-8" class="evidence">Beijing said so.</mark></p>',
    );
  });

  it('keeps its place after characters outside the basic plane (emoji, rare scripts)', () => {
    const html = '<p>\u{1F30D} Leaders met in \u{1D400}stana. The parties signed a deal.</p>';
    expect(markEvidence(html, [{ id: 7, text: 'The parties signed a deal.' }])).toBe(
      '<p>\u{1F30D} Leaders met in \u{1D400}stana. <mark id="evidence-7" class="evidence">The parties signed a deal.</mark></p>',
    );
  });

  it('reports which evidence ids got an anchor', () => {
    const r = markEvidenceWithIds('<p>Found here. And here.</p>', [
      { id: 1, text: 'Found here.' },
      { id: 2, text: 'Title only.' },
      { id: 3, text: 'Found here.' },
    ]);
    expect([...r.marked].sort()).toEqual(['1', '3']);
  });
});
