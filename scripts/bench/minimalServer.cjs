// The least a language server on Node can do before it answers `initialize`: start node, read
// one framed message, answer it. The bench times it beside ours, as the floor of server start-up.
let pending = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const headerEnd = pending.indexOf('\r\n\r\n');
    const length = headerEnd < 0 ? -1 : Number(/Content-Length: *(\d+)/i.exec(pending.subarray(0, headerEnd).toString())?.[1] ?? -1);
    if (length < 0 || pending.length < headerEnd + 4 + length) {
      return;
    }
    const message = JSON.parse(pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    pending = pending.subarray(headerEnd + 4 + length);
    if (message.method === 'exit') {
      process.exit(0);
    }
    if (message.id !== undefined) {
      const result = message.method === 'initialize' ? { capabilities: {} } : message.method === 'mde/serverInfo' ? { compiledFrom: 'none' } : null;
      const body = JSON.stringify({ jsonrpc: '2.0', id: message.id, result });
      process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
  }
});
