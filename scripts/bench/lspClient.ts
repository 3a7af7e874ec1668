/**
 * A bare LSP client for `node dist/server.js --stdio`: vscode-languageserver-protocol's framing
 * over the child's pipes, and nothing of VS Code, so what is timed is the server and the wire.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { nowMs } from './stats';

export class LspServer {
  private readonly diagnosticWaiters = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  /** The latest diagnostics per document. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    /** When spawn was called, on the nowMs clock. */
    readonly spawnedAt: number,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      const waiters = this.diagnosticWaiters.get(params.uri) ?? [];
      this.diagnosticWaiters.delete(params.uri);
      for (const waiter of waiters) {
        waiter(params);
      }
    });
    // Other notifications (log lines, the large-document notice) are dropped by vscode-jsonrpc.
  }

  /** `args` go to the server, `nodeFlags` to node before it (--cpu-prof, --max-semi-space-size…). */
  static spawn(serverPath: string, args: readonly string[] = [], nodeFlags: readonly string[] = []): LspServer {
    const spawnedAt = nowMs();
    const child = spawn(process.execPath, [...nodeFlags, serverPath, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspServer(child, connection, spawnedAt);
    child.stderr!.on('data', (chunk: Buffer) => {
      server.stderr += chunk.toString();
    });
    connection.listen();
    return server;
  }

  /** `settings` are merged into the initialization options' mdeApi section (validation off, say). */
  async initialize(settings: Record<string, unknown> = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      locale: 'en',
      // Large enough for every corpus: the default limit would skip the 4 and 16 MB bodies being measured.
      initializationOptions: { settings: { maxFileSizeMB: 256, ...settings } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Resolves on the next diagnostics published for `uri`, the moment the message is read. */
  nextDiagnostics(uri: string, timeoutMs = 60_000): Promise<PublishDiagnosticsParams & { receivedAt: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const waiters = this.diagnosticWaiters.get(uri) ?? [];
      waiters.push((params) => {
        clearTimeout(timer);
        resolve({ ...params, receivedAt: nowMs() });
      });
      this.diagnosticWaiters.set(uri, waiters);
    });
  }

  /** Resident set size of the server process, from /proc (Linux). */
  rssMB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  }

  /** Polite shutdown; the child is killed (by its own pid) only if it does not exit in time. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) {
        resolve();
      } else {
        this.child.once('exit', () => resolve());
      }
    });
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Fall through to the kill below.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Offsets to LSP positions for a text held by the client. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) {
        continue;
      }
      if (ch === 10 || ch === 13) {
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low, character: offset - this.starts[low] };
  }
}
