import type { ServerResponse } from 'node:http';

import * as z from 'zod/mini';

import { reasonPhrase, sendJson } from './http.ts';
import type { Resource } from './validation.ts';

/**
 * Fault injection for API requests. A fault plan is a list of rules, and for each API request
 * the first rule that fires decides what goes wrong. Faults apply to every path under
 * `/api/v1` before the key is checked, as a failing gateway in front of the API would.
 */

const resourceSchema = z.enum(['contact', 'organization']);

/** When a rule fires: for the next `count` requests, with probability `rate`, or both. */
const triggerShape = {
  /** Number of requests the rule fires for before it is used up. Without it, no limit. */
  count: z.optional(z.int().check(z.positive())),
  /** Probability from 0 to 1 that the rule fires for a request, drawn from the seeded PRNG. */
  rate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** Limits the rule to one endpoint. Without it, the rule applies to every API path. */
  resource: z.optional(resourceSchema),
};

const fieldErrorsSchema = z.record(z.string(), z.array(z.string()));

const faultRuleSchema = z.discriminatedUnion('kind', [
  /** A JSON error response `{success:false, message}` with this status. */
  z.strictObject({
    kind: z.literal('status'),
    status: z.int().check(z.gte(400), z.lte(599)),
    /** Seconds for the `Retry-After` header. Status 429 sends 5 when this is not set. */
    retryAfter: z.optional(z.int().check(z.nonnegative())),
    /** Per-field messages for a 422. Status 422 sends an email error when this is not set. */
    errors: z.optional(fieldErrorsSchema),
    message: z.optional(z.string()),
    ...triggerShape,
  }),
  /** Waits `ms` milliseconds, then handles the request normally, so the record is still written. */
  z.strictObject({
    kind: z.literal('delay'),
    ms: z.int().check(z.nonnegative(), z.lte(600_000)),
    ...triggerShape,
  }),
  /** An HTML error page such as a proxy sends, with status 502 unless `status` is set. */
  z.strictObject({
    kind: z.literal('html'),
    status: z.optional(z.int().check(z.gte(200), z.lte(599))),
    ...triggerShape,
  }),
  /** A truncated JSON body labelled `application/json`, with status 200 unless `status` is set. */
  z.strictObject({
    kind: z.literal('not-json'),
    status: z.optional(z.int().check(z.gte(200), z.lte(599))),
    ...triggerShape,
  }),
  /** Status 200 with `{success:false, message}`. */
  z.strictObject({
    kind: z.literal('success-false'),
    message: z.optional(z.string()),
    ...triggerShape,
  }),
  /** Destroys the socket without sending a response. */
  z.strictObject({
    kind: z.literal('drop'),
    ...triggerShape,
  }),
]);

export const faultPlanSchema = z.strictObject({
  faults: z.array(faultRuleSchema),
  /** Seed of the PRNG behind `rate`. The same seed and requests give the same faults. */
  seed: z.optional(z.int()),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];
export type FaultPlan = z.infer<typeof faultPlanSchema>;

export const DEFAULT_SEED = 1;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** A rule of the active plan with the number of times it may still fire. */
interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** Stores the active fault plan and picks the fault, if any, for each API request. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random = createPrng(DEFAULT_SEED);
  private seed = DEFAULT_SEED;

  /** Replaces the active plan and reseeds the PRNG. Throws a `ZodError` on an invalid plan. */
  set(plan: FaultPlan): void {
    const parsed = faultPlanSchema.parse(plan);
    this.seed = parsed.seed ?? DEFAULT_SEED;
    this.random = createPrng(this.seed);
    this.rules = parsed.faults.map((rule) => ({ rule, remaining: rule.count ?? Infinity }));
  }

  clear(): void {
    this.set({ faults: [] });
  }

  /** Returns the active rules with the number of times each may still fire (`null`: no limit). */
  describe(): { seed: number; faults: Array<FaultRule & { remaining: number | null }> } {
    return {
      seed: this.seed,
      faults: this.rules.map(({ rule, remaining }) => ({
        ...rule,
        remaining: Number.isFinite(remaining) ? remaining : null,
      })),
    };
  }

  /**
   * Returns the fault for one request, or undefined. A rule with a `rate` draws one number
   * from the PRNG each time it is considered, so the outcome depends only on the seed and
   * the sequence of requests.
   */
  pick(resource: Resource | undefined): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0 || (rule.resource !== undefined && rule.resource !== resource)) {
        continue;
      }
      if (rule.rate !== undefined && this.random() >= rule.rate) {
        continue;
      }
      active.remaining -= 1;
      return rule;
    }
    return undefined;
  }
}

/**
 * Parses one `--fault` option of the command line into a rule. The spec is a comma-separated
 * list that starts with the kind, e.g. `status=503,count=2`, `status=429,retry-after=10`,
 * `delay=15000,rate=0.5`, `html`, `html=500`, `not-json`, `success-false`, `drop,count=1`,
 * followed by `count=N`, `rate=R` or `resource=contact|organization`.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const [head = '', ...options] = spec.split(',').map((part) => part.trim());
  const [kind, value] = splitOption(head);
  const rule: Record<string, unknown> = { kind };

  switch (kind) {
    case 'status':
      rule.status = parseNumber(spec, 'status', value);
      break;
    case 'delay':
      rule.ms = parseNumber(spec, 'delay', value);
      break;
    case 'html':
    case 'not-json':
      if (value !== undefined) {
        rule.status = parseNumber(spec, kind, value);
      }
      break;
    case 'success-false':
    case 'drop':
      break;
    default:
      throw new Error(
        `Invalid fault "${spec}": unknown kind "${kind}". ` +
          'Start with status=CODE, delay=MS, html, not-json, success-false or drop.',
      );
  }

  for (const option of options) {
    const [name, optionValue] = splitOption(option);
    switch (name) {
      case 'count':
      case 'rate':
        rule[name] = parseNumber(spec, name, optionValue);
        break;
      case 'retry-after':
        rule.retryAfter = parseNumber(spec, name, optionValue);
        break;
      case 'resource':
        rule.resource = optionValue;
        break;
      default:
        throw new Error(`Invalid fault "${spec}": unknown option "${name}". Use count, rate, retry-after or resource.`);
    }
  }

  const result = faultRuleSchema.safeParse(rule);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'kind'}: ${issue.message}`);
    throw new Error(`Invalid fault "${spec}": ${problems.join('; ')}.`);
  }
  return result.data;
}

/** Sends the response of a fault. The `delay` kind has none, because its caller waits and goes on. */
export function sendFaultResponse(response: ServerResponse, rule: Exclude<FaultRule, { kind: 'delay' }>): void {
  switch (rule.kind) {
    case 'status': {
      const headers: Record<string, string> = {};
      const retryAfter = rule.retryAfter ?? (rule.status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
      if (retryAfter !== undefined) {
        headers['retry-after'] = String(retryAfter);
      }
      if (rule.status === 401) {
        headers['www-authenticate'] = 'Bearer';
      }
      sendJson(response, rule.status, statusFaultBody(rule), headers);
      return;
    }
    case 'html': {
      const status = rule.status ?? 502;
      const reason = reasonPhrase(status);
      const page =
        `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n` +
        `<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      response.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
      response.end(page);
      return;
    }
    case 'not-json': {
      const body = '{"success":true,"data":{"uuid":"3c90c3cc-0d44-4b50-';
      response.writeHead(rule.status ?? 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
      return;
    }
    case 'success-false':
      sendJson(response, 200, { success: false, message: rule.message ?? 'The record could not be saved.' });
      return;
    case 'drop':
      response.socket?.destroy();
      return;
  }
}

function statusFaultBody(rule: Extract<FaultRule, { kind: 'status' }>): Record<string, unknown> {
  if (rule.status === 422) {
    return {
      success: false,
      message: rule.message ?? 'The given data was invalid.',
      errors: rule.errors ?? { email: ['The email has already been taken.'] },
    };
  }
  return { success: false, message: rule.message ?? reasonPhrase(rule.status) };
}

function splitOption(option: string): [string, string | undefined] {
  const index = option.indexOf('=');
  return index === -1 ? [option, undefined] : [option.slice(0, index), option.slice(index + 1)];
}

function parseNumber(spec: string, name: string, value: string | undefined): number {
  const number = value === undefined || value === '' ? Number.NaN : Number(value);
  if (Number.isNaN(number)) {
    throw new Error(`Invalid fault "${spec}": ${name} needs a number, as in ${name}=${name === 'rate' ? '0.5' : '3'}.`);
  }
  return number;
}

/** Creates a Mulberry32 PRNG, a small 32-bit generator that spreads faults but is unfit for secrets. */
function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
