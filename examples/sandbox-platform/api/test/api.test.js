import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApi, sweepExpired } from "../server.js";
import { hashKey } from "../src/auth.js";

const KEY = "test-key-0123456789abcdef";

/** Nomad as the API sees it: jobs by id, and a record of the calls. */
function fakeNomad() {
  const jobs = new Map();
  const calls = [];
  return {
    jobs,
    calls,
    register: async (body) => {
      calls.push(["register", body.Job.ID]);
      jobs.set(body.Job.ID, { ...body.Job, Status: "pending", SubmitTime: Date.now() * 1e6 });
      return {};
    },
    job: async (id) => jobs.get(id),
    list: async () => [...jobs.values()].map((j) => ({ ID: j.ID })),
    stop: async (id) => {
      calls.push(["stop", id]);
      jobs.get(id).Status = "dead";
      return {};
    },
  };
}

const nomad = fakeNomad();
const server = createApi({ keyHashes: [hashKey(KEY)], nomad });
let base;
before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

const api = (path, { key = KEY, ...init } = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" } });

test("/health needs no key", async () => {
  assert.equal((await api("/health", { key: null })).status, 200);
});

test("every other route refuses a missing or wrong key", async () => {
  assert.equal((await api("/sandboxes", { key: null, method: "POST", body: "{}" })).status, 401);
  const wrong = await api("/sandboxes", { key: "not-the-key-0123456789", method: "POST", body: "{}" });
  assert.equal(wrong.status, 401);
  assert.match(wrong.headers.get("www-authenticate"), /^Bearer/);
  assert.equal(nomad.calls.length, 0);
});

test("a sandbox is created as a Nomad job, read back and stopped", async () => {
  const created = await api("/sandboxes", { method: "POST", body: JSON.stringify({ environment: "python-3", memoryMb: 1024 }) });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  assert.match(id, /^sandbox-[0-9a-f-]{36}$/);
  const job = nomad.jobs.get(id);
  assert.equal(job.TaskGroups[0].Tasks[0].Config.BootDisk, "/var/lib/sandboxes/environments/python-3.ext4");
  assert.equal(job.TaskGroups[0].Tasks[0].Config.Mem, 1024);

  const read = await (await api(`/sandboxes/${id}`)).json();
  assert.deepEqual(read, { id, status: "pending", environment: "python-3" });
  assert.equal((await api(`/sandboxes/${id}`, { method: "DELETE" })).status, 202);
  assert.deepEqual(nomad.calls.at(-1), ["stop", id]);
});

test("bad requests are 400 and never reach Nomad", async () => {
  const before = nomad.calls.length;
  for (const body of ['{"environment":"../etc"}', '{"environment":"ok","vcpus":64}', '{"environment":"ok","shell":true}', "not json"]) {
    assert.equal((await api("/sandboxes", { method: "POST", body })).status, 400, body);
  }
  assert.equal(nomad.calls.length, before);
});

test("the sweep stops sandboxes whose ttl has passed, and only those", async () => {
  const fresh = await (await api("/sandboxes", { method: "POST", body: JSON.stringify({ environment: "node", ttlMinutes: 30 }) })).json();
  const old = await (await api("/sandboxes", { method: "POST", body: JSON.stringify({ environment: "node", ttlMinutes: 1 }) })).json();
  assert.equal(await sweepExpired(nomad, Date.now() + 5 * 60_000), 1);
  assert.equal(nomad.jobs.get(old.id).Status, "dead");
  assert.equal(nomad.jobs.get(fresh.id).Status, "pending");
});
