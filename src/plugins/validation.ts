import { Ajv, type ErrorObject } from 'ajv';
import { invalidInput } from '../lib/app-error.js';
import { textProblem } from '../lib/text.js';
import type { FastifyInstance } from 'fastify';

/**
 * How a scope checks what it is sent against its routes' schemas. Fastify's
 * default converts types (a title of `12345` becomes `"12345"`, `true` becomes
 * `"true"`) and drops properties a schema does not list: kind to a query
 * string, where everything arrives as text, and wrong for a JSON body, where a
 * client that sent the wrong type or a misspelt field should hear so.
 *
 * `strictBodies(scope)`: bodies are checked as sent, with no conversion and
 * nothing dropped, and a body's own fields are those its schema lists: one it
 * does not list is refused (a schema that means to take any field says so
 * with `additionalProperties`). Query strings, parameters and headers keep
 * Fastify's conversions. `describeValidation` says what was wrong, and where,
 * in the words of our other errors: `body.title: must be text, got a number`.
 */
export function strictBodies(scope: FastifyInstance): void {
  const options = { useDefaults: true, allErrors: false, strict: false } as const;
  const asSent = new Ajv({ ...options, coerceTypes: false, removeAdditional: false });
  const converting = new Ajv({ ...options, coerceTypes: 'array', removeAdditional: true });
  scope.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? asSent.compile(closed(schema)) : converting.compile(schema),
  );
}

/** An object schema that lists its properties takes no others, unless it says otherwise. */
function closed(schema: object): object {
  const s = schema as { type?: unknown; properties?: unknown; additionalProperties?: unknown };
  return s.type === 'object' && s.properties && s.additionalProperties === undefined
    ? { ...schema, additionalProperties: false }
    : schema;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return String(value);
  return `an ${typeof value}`;
}

/** One schema error as `where: what`, with `part` (`body`, `querystring`) and the field's path. */
export function describeValidation(part: string, error: ErrorObject, sent: unknown): string {
  const path = [part, ...error.instancePath.split('/').filter(Boolean)].join('.');
  switch (error.keyword) {
    case 'additionalProperties':
      return `${path}.${String(error.params.additionalProperty)}: is not a field this accepts`;
    case 'required':
      return `${path}.${String(error.params.missingProperty)}: is required`;
    case 'type': {
      const wanted = [error.params.type as string | string[]]
        .flat()
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return `${path}: must be ${wanted}, got ${kindOf(valueAt(sent, error.instancePath))}`;
    }
    default:
      return `${path}: ${error.message ?? 'is not valid'}`;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>(
      (value, key) =>
        (value as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      root,
    );
}

/**
 * The text rule of lib/text.ts for everything a person sends the scope: any
 * string anywhere in a JSON or form body with a control character or a lone
 * surrogate is refused with its path (`body.tags[2]: has a control
 * character (U+0007) at character 4: remove it`), before any schema or
 * service sees it. Runs after the scope's sign-in and CSRF checks.
 */
export function refuseBrokenText(scope: FastifyInstance): void {
  scope.addHook('preValidation', async (request) => {
    const problem = brokenText(request.body, 'body');
    if (problem) throw invalidInput(problem.at, problem.what);
  });
}

/** How deep a body may nest: ours go four levels down; a thousand `[` is not a request but an attack. */
const MAX_DEPTH = 64;

/** The first string under `root` that breaks the text rule, walked without recursion (no stack to overflow). */
function brokenText(root: unknown, rootPath: string): { at: string; what: string } | undefined {
  const stack: [unknown, string, number][] = [[root, rootPath, 0]];
  while (stack.length) {
    const [value, at, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const what = textProblem(value);
      if (what) return { at, what };
      continue;
    }
    if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    if (depth === MAX_DEPTH) return { at, what: `is nested more than ${MAX_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${at}[${i}]`, depth + 1]);
      continue;
    }
    // Objects of JSON and forms (a parsed form's prototype has none of its own); an uploaded file's bytes are not text.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) continue;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push([entries[i][1], `${at}.${entries[i][0]}`, depth + 1]);
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The fields a back-office form route takes: each once, as text, unless
     * its name ends in `[]` (`ids[]`: a list, sent as `ids` any number of
     * times). `_csrf` is always allowed.
     */
    form?: readonly string[];
  }
}

/**
 * Forms are held to what their routes say they take (`config.form`): a
 * field the form does not have, or a one-value field sent twice, is refused
 * with its name, as the API refuses an unlisted field. Every POST route of
 * the scope must say what it takes, or the server does not start.
 */
export function strictForms(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('POST') && route.config?.form === undefined && !route.url.endsWith('*'))
      throw new Error(`${route.url}: a back-office form route must list its fields (config.form)`);
  });
  scope.addHook('preValidation', async (request) => {
    const fields = request.routeOptions.config.form;
    if (!fields || typeof request.body !== 'object' || request.body === null) return;
    for (const [name, value] of Object.entries(request.body)) {
      if (name === '_csrf') continue;
      const list = fields.includes(`${name}[]`);
      if (!list && !fields.includes(name)) throw invalidInput(`body.${name}`, 'is not a field of this form');
      if (!list && Array.isArray(value)) throw invalidInput(`body.${name}`, 'must be sent once');
      // Text, or an uploaded file (media.api.ts bufferUpload); a part sent as JSON is neither.
      const items: unknown[] = Array.isArray(value) ? value : [value];
      if (
        !items.every(
          (item) =>
            typeof item === 'string' || (typeof item === 'object' && item !== null && 'filename' in item),
        )
      )
        throw invalidInput(`body.${name}`, 'must be text');
    }
  });
}
