/** Every route of the server's OpenAPI document ("METHOD /path/{param}"); tests keep the two equal. */
export const DOCUMENTED_ROUTES = [
  'GET /health',
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /auth/logout',
  'GET /auth/me',
  'GET /sync/collections',
  'GET /sync/{collection}/v{version}/pull',
  'POST /sync/{collection}/v{version}/push',
  'POST /sync/{collection}/v{version}/reconcile',
  'GET /sync/{collection}/v{version}/stream',
  'GET /sync/stream',
  'POST /letters',
  'GET /api/cases/{id}/jobs',
  'GET /ewp/imobilities/get',
  'POST /ewp/imobilities/get',
] as const;
