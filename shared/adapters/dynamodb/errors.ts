/** Failures of DynamoDB calls as the adapters tell them apart. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** A write's condition did not hold (by class, or by name when the error crossed a module boundary). */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
