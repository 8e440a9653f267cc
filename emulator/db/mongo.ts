/**
 * Where mingo (the query engine behind every match, update and pipeline here) differs from
 * MongoDB, which CloudBase's database follows, the emulator corrects it in this one place; each
 * correction is pinned by test/conformance/mongo.test.ts:
 * - $elemMatch with field conditions matches embedded documents only (mingo also tried numbers and strings);
 * - $week counts weeks from the year's first Sunday, 0 before it (mingo gave ISO-based weeks);
 * - $substr / $substrBytes with a negative length take the rest of the string (mingo failed);
 * - $indexOfCP exists (mingo has none);
 * - $jsonSchema is refused with the platform's invalid-operator error (mingo needs a validator).
 */
import { Aggregator as CoreAggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query as CoreQuery } from 'mingo/query';
import type { Options } from 'mingo/types';
import { type Doc, isPlainObject } from './ejson';
import { errors } from './errors';

type Expr = (obj: unknown, expr: unknown, options: Options) => unknown;
const ops = expressionOperators as unknown as Record<string, Expr>;

/** $week as MongoDB: weeks begin on Sunday; days before the year's first Sunday are week 0. */
const $week: Expr = (obj, expr, options) => {
  const dayOfYear = ops.$dayOfYear(obj, expr, options) as number;
  const dayOfWeek = ops.$dayOfWeek(obj, expr, options) as number; // 1 = Sunday
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7);
};

/** A negative length means "to the end of the string", as MongoDB's $substr/$substrBytes take it. */
const toEnd =
  (op: Expr): Expr =>
  (obj, expr, options) => {
    const args = evalExpr(obj, expr, options);
    if (Array.isArray(args) && args.length === 3 && typeof args[2] === 'number' && args[2] < 0) {
      const s = typeof args[0] === 'string' ? args[0] : '';
      const start = typeof args[1] === 'number' ? args[1] : 0;
      const rest = Math.max(0, Buffer.byteLength(s) - start);
      return op(obj, [{ $literal: args[0] }, { $literal: args[1] }, { $literal: rest }], options);
    }
    return op(obj, expr, options);
  };

/** $indexOfCP: code-point index of a substring, -1 when absent, null for a missing string. */
const $indexOfCP: Expr = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options);
  if (!Array.isArray(args) || args.length < 2 || args.length > 4)
    throw errors.invalidOperator('$indexOfCP takes [string, substring, start?, end?]');
  const [s, sub, start = 0, end] = args as [unknown, unknown, unknown, unknown];
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string' || typeof sub !== 'string')
    throw errors.invalidOperator('$indexOfCP requires a string and a substring');
  const cps = Array.from(s);
  const from = Number(start);
  const to = end === undefined ? cps.length : Math.min(Number(end), cps.length);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0)
    throw errors.invalidOperator('$indexOfCP start and end must be non-negative integers');
  const want = Array.from(sub);
  for (let i = from; i + want.length <= to; i++) {
    let hit = true;
    for (let j = 0; j < want.length && hit; j++) hit = cps[i + j] === want[j];
    if (hit) return i;
  }
  return -1;
};

const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $week,
    $substr: toEnd(ops.$substr),
    $substrBytes: toEnd(ops.$substrBytes),
    $indexOfCP,
  },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
} as never);

const OPTIONS = { context: CONTEXT } as Partial<Options>;

/** The document's type test inside an $elemMatch: the element itself is $$ROOT there. */
const IS_DOCUMENT = { $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } };

/** A filter as MongoDB reads it (see the list above); refuses what the platform refuses. */
export function mongoFilter(filter: Doc): Doc {
  return correct(filter) as Doc;
}

function correct(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(correct);
  if (!isPlainObject(v)) return v;
  const out: Doc = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$jsonSchema') throw errors.invalidOperator('unknown operator: $jsonSchema');
    if (
      k === '$elemMatch' &&
      isPlainObject(x) &&
      Object.keys(x).some((f) => !f.startsWith('$') || f === '$and' || f === '$or' || f === '$nor')
    ) {
      out[k] = { $and: [correct(x), IS_DOCUMENT] };
    } else out[k] = correct(x);
  }
  return out;
}

/** A pipeline with each $match corrected like a filter. */
export function mongoPipeline(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) =>
    isPlainObject(stage.$match) ? { ...stage, $match: mongoFilter(stage.$match) } : stage,
  );
}

/** mingo's Query with the corrected operators; the filter is one mongoFilter() has read. */
export class MongoQuery extends CoreQuery {
  constructor(filter: Doc) {
    super(filter, OPTIONS as Options);
  }
}

/** mingo's Aggregator with the corrected operators; the pipeline is one mongoPipeline() has read. */
export class MongoAggregator extends CoreAggregator {
  constructor(pipeline: Doc[], options: Partial<Options> = {}) {
    super(pipeline, { ...OPTIONS, ...options } as Options);
  }
}

/** Filter (and project) documents in memory with the corrected engine. */
export function mongoFind(docs: Doc[], filter: Doc, projection?: Doc): Doc[] {
  return new MongoQuery(filter).find(docs, projection).all() as Doc[];
}

/** Sort documents in memory as MongoDB orders them. */
export function mongoSort(docs: Doc[], spec: Record<string, 1 | -1>): Doc[] {
  return new MongoQuery({}).find(docs).sort(spec).all() as Doc[];
}
