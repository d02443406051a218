/**
 * Every error a person can get from the API, read route by route from the OpenAPI document: an
 * unknown query parameter, wrongly typed, missing and oversized fields, a bad path value, no
 * token, another role. Each answer must be a 4xx problem whose title, detail and field messages
 * are Vietnamese and free of zod's and the programmer's words ("expected string, received
 * undefined", "Validation Error", "body.days.0").
 */
import { launchTestCampaign, startApiHarness, type ApiHarness, type ApiResponse } from '../helpers/apiHarness';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Operation {
  description: string;
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

/** Words of zod, JavaScript and English error pages that no reader should meet. */
const PROGRAMMER_WORDS =
  /\b(string|number|boolean|undefined|null|object|array|NaN|int|expected|received|invalid|required|unrecognized|instanceof|too (?:big|small)|validation|error|forbidden|unauthorized|not found|conflict|bad request)\b|mong đợi|nhận được|\b(?:body|query|params)\.\w|[<>]=?\s*\d/iu;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu;

const CAMPAIGN = 'loi-de-hieu';
const ASSIGNMENT = `${CAMPAIGN}.s1.t1.STNMT`;
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const PATH_VALUES: Record<string, string> = { id: ASSIGNMENT, key: CAMPAIGN, code: 'SNV', year: String(year), email: 'khong-co@snv.hcm.example' };

const typeOf = (schema: JsonSchema): string | undefined => {
  const type = schema.type ?? (schema.anyOf ?? schema.oneOf)?.find((option) => option.type)?.type;
  return Array.isArray(type) ? type[0] : type;
};
const wrongValue = (schema: JsonSchema): unknown => (typeOf(schema) === 'string' ? 12345 : 'không phải giá trị đúng');
function oversized(schema: JsonSchema): unknown {
  if (schema.maximum !== undefined) return schema.maximum + 1;
  if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
  if (schema.maxItems !== undefined && schema.items) return Array.from({ length: schema.maxItems + 1 }, () => 'x');
  return undefined;
}

describe('error answers in plain Vietnamese, on every route', () => {
  let api: ApiHarness;
  let operations: { method: string; path: string; operation: Operation }[];
  const seen: { request: string; response: ApiResponse }[] = [];

  beforeAll(async () => {
    api = await startApiHarness();
    await launchTestCampaign(api, { key: CAMPAIGN, sections: [{ number: 1, title: 'Sở Tài nguyên và Môi trường', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát' }] }] });
    const document = (await api.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  }, 180_000);
  afterAll(() => api?.stop());

  const urlOf = (path: string, values: Record<string, string> = PATH_VALUES) =>
    path.replace(/\{(\w+)\}/gu, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));

  async function send(label: string, method: string, url: string, options: Parameters<ApiHarness['call']>[2]) {
    const response = await api.call(method, url, method === 'GET' ? { ...options, json: undefined } : options);
    seen.push({ request: `${label}: ${method} ${url}`, response });
    return response;
  }

  it('refuses an unknown query parameter on every route with 422, naming it', async () => {
    for (const { method, path, operation } of operations) {
      // A role the route allows: the role check comes first.
      const token = operation.description.includes('secretariat') ? api.tokens.secretariat : api.tokens.SNV;
      const response = await send('unknown parameter', method, `${urlOf(path)}?trangThai=x`, { token, json: {} });
      expect([method, path, response.status]).toEqual([method, path, 422]);
      expect(response.body.errors).toContainEqual({ field: 'query.trangThai', message: expect.stringContaining('"trangThai"') });
    }
  });

  it('answers wrong, missing and oversized fields, bad path values, no token and another role', async () => {
    for (const { method, path, operation } of operations) {
      const url = urlOf(path);
      const schema = operation.requestBody?.content['application/json']?.schema;
      if (schema?.properties) {
        const properties = Object.entries(schema.properties);
        await send('wrong types', method, url, { token: api.tokens.secretariat, json: Object.fromEntries(properties.map(([name, p]) => [name, wrongValue(p)])) });
        await send('nothing', method, url, { token: api.tokens.secretariat, json: {} });
        const big = properties.flatMap(([name, p]) => (oversized(p) === undefined ? [] : [[name, oversized(p)]]));
        if (big.length) await send('oversized', method, url, { token: api.tokens.secretariat, json: Object.fromEntries(big) });
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        await send('bad query value', method, `${url}?${parameter.name}=${encodeURIComponent('%%%'.repeat(200))}`, { token: api.tokens.secretariat });
      }
      if (operation.parameters.some((p) => p.in === 'path')) {
        await send('bad path value', method, urlOf(path, { id: 'x', key: 'A B', code: 'sở', year: 'abcd', email: 'khong-phai-email' }), { token: api.tokens.secretariat, json: {} });
      }
      await send('no token', method, url, { json: {} });
      await send('agency token', method, url, { token: api.tokens.SXD, json: {} });
    }
    const errors = seen.filter(({ response }) => response.status >= 400);
    expect(errors.length).toBeGreaterThan(150);
    for (const { request, response } of errors) {
      expect([request, response.status < 500]).toEqual([request, true]);
      expect([request, response.headers.get('content-type')]).toEqual([request, expect.stringContaining('application/problem+json')]);
      const texts: string[] = [response.body.title, response.body.detail, ...(response.body.errors ?? []).map((e: { message: string }) => e.message)];
      for (const text of texts) {
        expect([request, text]).toEqual([request, expect.stringMatching(VIETNAMESE)]);
        expect([request, text, PROGRAMMER_WORDS.exec(text)?.[0]]).toEqual([request, text, undefined]);
      }
    }
  }, 300_000);
});
