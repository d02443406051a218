/**
 * GET /api/docs: the interactive API documentation (Swagger UI, served from the npm package:
 * no internet needed), reading /api/v1/openapi.json.
 */
import path from 'node:path';
import express, { Router } from 'express';

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Directive engine API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', persistAuthorization: true });
  </script>
</body>
</html>`;

export function docsPage(): Router {
  const router = Router();
  const assets = path.dirname(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'));
  router.use('/api/docs/assets', express.static(assets, { index: false }));
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
