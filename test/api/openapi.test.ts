/** The OpenAPI 3.1 document comes from the validating schemas; the docs page serves Swagger UI offline. */
import { startApiHarness, type ApiHarness } from '../helpers/apiHarness';

describe('API documentation', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.stop());

  it('describes every route with the schemas that validate it', async () => {
    const response = await api.call('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/campaigns',
        '/api/v1/campaigns/{key}',
        '/api/v1/campaigns/{key}/cancel',
        '/api/v1/assignments',
        '/api/v1/assignments/{id}',
        '/api/v1/assignments/{id}/submitResult',
        '/api/v1/assignments/{id}/decideExtension',
        '/api/v1/agencies/{code}',
        '/api/v1/calendars/{year}',
        '/api/v1/statistics',
      ]),
    );
    const launch = doc.paths['/api/v1/campaigns'].post;
    expect(Object.keys(launch.requestBody.content)).toEqual(['application/json', 'application/yaml']);
    expect(launch.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['key', 'year', 'title', 'directive', 'defaultDeadline', 'sections']),
    );
    const list = doc.paths['/api/v1/assignments'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['campaign', 'section', 'agency', 'category', 'dueBefore', 'dueAfter', 'q', 'sort', 'limit', 'cursor']),
    );
    const submit = doc.paths['/api/v1/assignments/{id}/submitResult'].post;
    expect(submit.requestBody.content['application/json'].schema.properties).toHaveProperty('evidenceLinks');
    expect(submit.responses['409']).toBeDefined();
  });

  it('serves an interactive docs page with its assets, without the internet', async () => {
    const page = await fetch(`${api.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/v1/openapi.json');
    const bundle = await fetch(`${api.baseUrl}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
