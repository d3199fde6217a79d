/**
 * The middlewares every HTTP function starts its chain with, in this order: domain and HTTP errors become
 * the one JSON error shape (first, so it sees every failure), log lines carry the Lambda context, header
 * names are lower-cased before anything reads them, and a request that bypassed CloudFront is refused.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { httpErrors, originVerify, type ApiEvent, type ApiResult } from '../adapters/http/middleware.ts';
import { originVerifyToken } from './config.ts';
import { logger } from './powertools.ts';

export const httpMiddlewares = (): MiddlewareObj<ApiEvent, ApiResult>[] => [
  httpErrors() as MiddlewareObj<ApiEvent, ApiResult>,
  injectLambdaContext(logger()) as MiddlewareObj<ApiEvent, ApiResult>,
  httpHeaderNormalizer() as MiddlewareObj<ApiEvent, ApiResult>,
  originVerify(originVerifyToken()),
];
