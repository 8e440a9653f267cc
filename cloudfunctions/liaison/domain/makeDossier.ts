/**
 * The reads and the stored file of a 履职档案, for the member's own (liaison.dossier) and for
 * staff making a member's (liaison.memberDossier): three reads over the asked span in parallel,
 * then the Word document stored and answered with its figures.
 */
import type { DossierResult, Term } from '@lxq/types';
import { putFile } from '../../shared/cloud';
import { namesAndAnswered, recordsOfYear, shiftsOfYear } from '../../shared/data/dossier';
import { docx } from '../../shared/docx';
import { inChina } from '../../shared/time';
import { dossierBlocks, dossierFigures, dossierLabel, figuresByYear } from './dossier';
import { yearSpan } from './period';

export interface Asked {
  year: number | null;
  term: Term | null;
}

export async function readDossier(user: { _id: string; openid?: string | null }, asked: Asked) {
  const start = yearSpan(asked.term?.fromYear ?? asked.year!).start;
  const end = yearSpan(asked.term?.toYear ?? asked.year!).end;
  const [records, shifts, named] = await Promise.all([
    recordsOfYear(user._id, start, end),
    shiftsOfYear(user._id, start, end),
    namesAndAnswered(user, start, end),
  ]);
  return { records, shifts, named };
}

export async function storeDossier(
  user: { _id: string; name: string },
  asked: Asked,
  read: Awaited<ReturnType<typeof readDossier>>,
  terms: Term[],
  now: Date,
): Promise<DossierResult> {
  const input = {
    ...asked,
    name: user.name,
    unitName: read.named.unitName,
    sectorName: read.named.sectorName,
    records: read.records,
    shifts: read.shifts,
    answered: read.named.answered,
    now,
  };
  const label = dossierLabel(asked);
  const stamp = inChina(now).format('YYYYMMDD-HHmmss');
  const key = asked.term ? `${asked.term.fromYear}-${asked.term.toYear}` : String(asked.year);
  const url = await putFile(`exports/dossier/${user._id}/${key}-${stamp}.docx`, docx(dossierBlocks(input)));
  return {
    year: asked.year,
    term: asked.term,
    label,
    fileName: `${label}履职档案-${user.name}.docx`,
    url,
    figures: dossierFigures(input),
    byYear: figuresByYear(input),
    terms,
  };
}
