/**
 * Counts the Temporal client's calls that have not ended yet, retries included, so the engine can
 * let them end before it closes the connection. The client's retry interceptor waits between
 * attempts on a timer that `Connection.close()` does not clear: a retry firing after the close
 * throws "Channel has been shut down" from that timer, out of reach of any try/catch. An abandoned
 * call (a health probe that lost its race against a timeout) is exactly such a call.
 */
import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

export interface CallsInFlight {
  /** The connection's interceptors: this counter outside the SDK's usual retry interceptor. */
  interceptors: Interceptor[];
  /** Resolves when no call is under way, or after `timeoutMs` whatever remains. */
  settled(timeoutMs: number): Promise<void>;
}

export function callsInFlight(): CallsInFlight {
  let open = 0;
  const waiting = new Set<() => void>();
  const ended = () => {
    open -= 1;
    if (open === 0) for (const resolve of waiting) resolve();
  };
  const counter: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        open += 1;
        let done = false;
        // A partial listener: grpc-js passes everything else through unchanged.
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            if (!done) {
              done = true;
              ended();
            }
            nextStatus(status);
          },
        });
      },
    });
  return {
    interceptors: [counter, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())],
    settled(timeoutMs) {
      if (open === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiting.add(done);
      });
    },
  };
}
