/**
 * The language server's process set-up, run by the entry dist/server.js (src/bootstrap/server.ts).
 * Over IPC when VS Code starts it; `node dist/server.js --stdio` serves any LSP client. The
 * transport is picked from the command line by vscode-languageserver.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { formatError } from './safeHandler';
import { startServer, type StartOptions } from './server';

export function main(options: StartOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all);

  // stdout may be the LSP channel: every log line must go through the connection instead.
  /* eslint-disable no-console */
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  /* eslint-enable no-console */
  process.on('unhandledRejection', (reason) => connection.console.error(formatError('unhandled rejection', reason)));
  process.on('uncaughtException', (error) => connection.console.error(formatError('uncaught exception', error)));

  startServer(connection, options);
}
