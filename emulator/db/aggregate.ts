/**
 * db.collection().aggregate(): the leading $match runs through the storage's indexes, equality
 * $lookups fetch the foreign side through its indexes, and mingo runs the other stages.
 */
import { type Doc, clone, decode, isPlainObject, stringify } from './ejson';
import { errors } from './errors';
import { keyOf, pathValues } from './keys';
import { MongoAggregator, mongoPipeline } from './mongo';
import { type Body, type JsonObject, parseMaybe } from './protocol';
import type { OrderSpec } from './planner';
import type { Collection } from './store';

/** aggregate without a $limit stage answers at most this many documents, like production. */
const AGGREGATE_DEFAULT_LIMIT = 20;

export interface AggregateHost {
  collection(name: string): Collection | undefined;
  /** throws the strict-index error when no index serves `filter` (in `order`, if given) on `c` */
  checkServed(c: Collection, filter: Doc, what: string, order?: OrderSpec): void;
  /** whether strict mode applies to `c` */
  strictOn(c: Collection): boolean;
}

function pipelineOf(body: Body, now: number): Doc[] {
  const stagesRaw = Array.isArray(body.stages) ? body.stages : [];
  const stages = stagesRaw.map((s) => {
    if (!isPlainObject(s)) throw errors.invalidParam('invalid aggregate stage');
    if (typeof s.stageKey === 'string') {
      const key = s.stageKey.startsWith('$') ? s.stageKey : '$' + s.stageKey;
      return { [key]: parseMaybe(s.stageValue, now) };
    }
    return decode(s, now) as Doc;
  });
  return mongoPipeline(stages);
}

export function aggregate(host: AggregateHost, c: Collection, body: Body, now: number): JsonObject {
  const pipeline = pipelineOf(body, now);
  let docs: Doc[];
  let rest = pipeline;
  const first = pipeline[0];
  if (first && isPlainObject(first.$match)) {
    // a $sort right after the leading $match is read from an index too, as MongoDB would
    const next = pipeline[1];
    const sort = next && isPlainObject(next.$sort) ? orderOf(next.$sort) : undefined;
    host.checkServed(c, first.$match, sort ? 'aggregate $match + $sort' : 'aggregate $match', sort);
    if (host.strictOn(c)) checkNoMemorySort(c, pipeline, sort ? 2 : 1);
    docs = c.find({ filter: first.$match });
    rest = pipeline.slice(1);
  } else {
    if (host.strictOn(c)) {
      throw errors.noIndex(
        c.name,
        `aggregate without a leading $match ${JSON.stringify(pipeline.map((p) => Object.keys(p)[0]))}`,
      );
    }
    docs = c.find({ filter: {} });
  }
  const hasLimit = pipeline.some((s) => '$limit' in s);
  let segment: Doc[] = [];
  const runSegment = (): void => {
    if (!segment.length) return;
    const agg = new MongoAggregator(segment, {
      collectionResolver: (name: string) => {
        const fc = host.collection(name);
        if (!fc) return [];
        // a $lookup with a pipeline (or $unionWith) reads the whole foreign collection
        if (host.strictOn(fc))
          throw errors.noIndex(fc.name, `aggregate reads the whole collection (a $lookup pipeline)`);
        return fc.find({ filter: {} });
      },
    });
    docs = agg.run(docs) as Doc[];
    segment = [];
  };
  for (const stage of rest) {
    const lk = stage.$lookup;
    if (
      isPlainObject(lk) &&
      typeof lk.localField === 'string' &&
      typeof lk.foreignField === 'string' &&
      typeof lk.from === 'string' &&
      typeof lk.as === 'string' &&
      lk.pipeline === undefined
    ) {
      runSegment();
      docs = lookup(host, docs, lk.from, lk.localField, lk.foreignField, lk.as);
    } else {
      segment.push(stage);
    }
  }
  runSegment();
  if (!hasLimit) docs = docs.slice(0, AGGREGATE_DEFAULT_LIMIT);
  return { data: { list: docs.map((d) => stringify(d)) } };
}

/** Stages after which a $sort orders few rows (groups, a count, a limited page), not the matched documents. */
const BOUNDING = new Set(['$group', '$bucket', '$bucketAuto', '$sortByCount', '$count', '$facet', '$limit']);

/**
 * A $sort of the matched documents anywhere but right after the leading $match (already checked
 * against the indexes) is a sort in memory over everything the match found, which production
 * either does slowly or refuses: strict mode fails it, naming the stage it follows.
 */
function checkNoMemorySort(c: Collection, pipeline: Doc[], from: number): void {
  for (let i = from; i < pipeline.length; i++) {
    const name = Object.keys(pipeline[i])[0];
    if (BOUNDING.has(name)) return;
    if (name === '$sort') {
      const after = Object.keys(pipeline[i - 1])[0];
      throw errors.noIndex(
        c.name,
        `aggregate $sort ${JSON.stringify(pipeline[i].$sort)} after ${after} sorts the matched documents in memory (sort right after the leading $match, in an index's order)`,
      );
    }
  }
}

/** $lookup by equality, fetching the foreign documents through the foreign collection's indexes. */
function lookup(
  host: AggregateHost,
  docs: Doc[],
  from: string,
  localField: string,
  foreignField: string,
  as: string,
): Doc[] {
  const fc = host.collection(from);
  const localKeys = docs.map((d) => new Set(pathValues(d, localField).map(keyOf)));
  const values = new Map<string, unknown>();
  docs.forEach((d) => {
    for (const v of pathValues(d, localField)) values.set(keyOf(v), v === undefined ? null : v);
  });
  const filter = { [foreignField]: { $in: Array.from(values.values()) } };
  // checked by its shape even when no local document has a value, as the leading $match is
  if (fc) host.checkServed(fc, filter, `aggregate $lookup from ${from}`);
  const foreign = fc && values.size ? fc.find({ filter }) : [];
  const foreignKeys = foreign.map((f) => new Set(pathValues(f, foreignField).map(keyOf)));
  return docs.map((d, i) => {
    const mine = localKeys[i];
    const matches = foreign.filter((_, j) => {
      for (const k of foreignKeys[j]) if (mine.has(k)) return true;
      return false;
    });
    const out = clone(d);
    setPath(
      out,
      as,
      matches.map((m) => clone(m)),
    );
    return out;
  });
}

function orderOf(sort: Doc): OrderSpec | undefined {
  const out: OrderSpec = Object.entries(sort).map(([f, d]) => [f, d === -1 ? -1 : 1]);
  return out.length ? out : undefined;
}

function setPath(doc: Doc, p: string, value: unknown): void {
  const parts = p.split('.');
  let cur: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (!isPlainObject(next)) cur[parts[i]] = {};
    cur = cur[parts[i]] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}
