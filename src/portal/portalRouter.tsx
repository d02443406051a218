/**
 * The portal: the pages civil servants use in a browser, served by the same Express app as the
 * API and calling the same services. Paths are plain Vietnamese without diacritics.
 */
import path from 'node:path';
import express, { Router } from 'express';
import type { ApiDeps } from '../api/apiDeps';
import { sendPage } from './render';
import { Layout } from './views/Layout';

const ASSETS_DIR = path.join(__dirname, 'assets');

export function portalRouter(_deps: Omit<ApiDeps, 'registry'>): Router {
  const router = Router();
  router.use('/tai-nguyen', express.static(ASSETS_DIR, { index: false, maxAge: '1h' }));
  router.get('/', (_req, res) => {
    sendPage(
      res,
      <Layout title="Trang chủ">
        <h1>Theo dõi thực hiện nhiệm vụ</h1>
        <p>Đăng nhập bằng email công vụ để xem và xử lý nhiệm vụ của cơ quan.</p>
      </Layout>,
    );
  });
  return router;
}
