/**
 * The force directory (units, posts, officers, postings) for every composition root that reads it: one per
 * process, its structure cached briefly. Apart from officer.ts so that a public route reading the district's
 * stations does not carry the officer API's adapters.
 */
import { createForceRepository } from '../adapters/dynamodb/force-repository.ts';
import { documentClient, once, tableName } from './common.ts';

export const forceRepository = /* @__PURE__ */ once(() => createForceRepository(documentClient(), tableName));
