// A connector that isolates a machine from a SOC tool. One key is mis-cased, and the API reads its
// parameter names case-sensitively. Hover a key for its docs; the quick fix renames it.
import axios from 'axios';

const MDE_API = 'https://api.securitycenter.microsoft.com/api';

export class MachineActions {
  private readonly client = axios.create({ baseURL: MDE_API });

  constructor(private readonly token: string) {}

  async isolate(machineId: string, reason: string): Promise<string> {
    const response = await this.client.post(
      `/machines/${machineId}/isolate`,
      {
        comment: `Isolated by the SOC: ${reason}`,
        IsolationType: 'Full',
      },
      { headers: { Authorization: `Bearer ${this.token}` } },
    );
    return response.data.id;
  }

  async release(machineId: string): Promise<void> {
    await fetch(`${MDE_API}/machines/${machineId}/unisolate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Comment: 'Released after triage' }),
    });
  }
}
