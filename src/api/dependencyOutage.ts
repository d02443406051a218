/**
 * Errors that mean a dependency is down (MongoDB unreachable, Temporal unavailable) become 503
 * with Retry-After, not 500: the request was fine, the engine cannot serve it right now.
 */
import { ServiceError } from '@temporalio/client';
import mongoose from 'mongoose';
import { problems, type Problem } from './problem';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

export function dependencyOutage(error: unknown): Problem | undefined {
  const { MongoServerSelectionError, MongoNetworkError, MongoNotConnectedError } = mongoose.mongo;
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError ||
    (error instanceof Error && /buffering timed out|connection .* closed|client must be connected/i.test(error.message))
  ) {
    return problems.unavailable('Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau.', 10);
  }
  const code = (error as { code?: number; cause?: { code?: number } } | null)?.code ?? (error as { cause?: { code?: number } })?.cause?.code;
  if (error instanceof ServiceError && (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || /UNAVAILABLE|DEADLINE/.test(error.message))) {
    return problems.unavailable('Máy chủ Temporal tạm thời không truy cập được; vui lòng thử lại sau.', 10);
  }
  return undefined;
}
