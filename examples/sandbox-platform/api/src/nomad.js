// The few Nomad HTTP API calls the service makes (https://developer.hashicorp.com/nomad/api-docs/jobs).

export function nomadClient(address, { token, timeoutMs = 5000 } = {}) {
  async function call(method, path, body) {
    const response = await fetch(new URL(path, address), {
      method,
      headers: { "content-type": "application/json", ...(token ? { "x-nomad-token": token } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`nomad ${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : {};
  }
  return {
    register: (job) => call("POST", "/v1/jobs", job),
    list: (prefix) => call("GET", `/v1/jobs?prefix=${encodeURIComponent(prefix)}`),
    job: (id) => call("GET", `/v1/job/${encodeURIComponent(id)}`),
    stop: (id) => call("DELETE", `/v1/job/${encodeURIComponent(id)}?purge=true`),
  };
}
