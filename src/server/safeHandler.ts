/**
 * The one error boundary around request handlers: a bug in one feature answers that request with
 * an error (or nothing) and the server keeps running.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) {
    return `${message}: ${error.message}\n${error.stack ?? ''}`;
  }
  return `${message}: ${String(error)}`;
}

export function safeHandler<P, R>(
  connection: Connection,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    }
    try {
      return await handler(params, token);
    } catch (error) {
      connection.console.error(formatError(`${name} failed`, error));
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
