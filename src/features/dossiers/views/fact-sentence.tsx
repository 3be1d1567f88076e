// A fact as a readable sentence, entity names linking to their dossiers.
import { dossierPath, type Segment } from '../dossier.js';

/** Renders sentence segments; `link` false renders names as plain text. */
export function FactSentence({
  segments,
  link = true,
  skip,
  base,
}: {
  segments: Segment[];
  link?: boolean;
  skip?: string[];
  base?: string;
}) {
  return (
    <>
      {segments.map((s) =>
        typeof s === 'string' ? s : link && !(skip ?? []).includes(s.id) ? <a href={dossierPath(s.id, base)}>{s.name}</a> : s.name,
      )}
    </>
  );
}
