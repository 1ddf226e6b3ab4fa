/**
 * Error codes of the emulator's HTTP front door (request size limits, Host/Origin checks,
 * admin route protection). They are the emulator's own: a real ECS gateway answers these
 * situations with its own pages, we answer them in the ECS error shape so every client
 * gets a code, a message that says what to do, and the usual HTTP status. They are part of the
 * common table every emulator answers with (`errors.ts`).
 */
import type { ErrorSpec } from '../../spec/ecs/types.js';

export const httpErrors: readonly ErrorSpec[] = [
  { code: 'RequestURITooLong', status: 414, message: 'The request URI is too long; send the parameters in a POST form body.' },
  { code: 'RequestHeaderFieldsTooLarge', status: 431, message: 'The request headers are too large.' },
  { code: 'MisdirectedRequest', status: 421, message: 'The Host header does not name this emulator.' },
  { code: 'Forbidden.CrossOrigin', status: 403, message: 'Requests from web pages of other origins are refused.' },
  { code: 'Forbidden.AdminSimpleRequest', status: 403, message: 'Admin changes need the header X-Emulator-Admin: 1.' },
  { code: 'MissingAdminToken', status: 401, message: 'This emulator requires an admin token: send Authorization: Bearer <token>.' },
  { code: 'InvalidAdminToken', status: 401, message: 'The admin token is not valid.' },
  { code: 'InvalidRequestSeq.NotFound', status: 404, message: 'The request log no longer holds this call.' },
];
