import { describe, expect, it } from "vitest";
// @ts-expect-error: the handlers are plain JavaScript, as Lambda runs them (no declarations).
import { createHandler as createStart } from "../examples/game-server/functions/start/start.mjs";
// @ts-expect-error: as above.
import { createHandler as createStopIdle, idleVerdict } from "../examples/game-server/functions/stop-idle/stop-idle.mjs";

const ID = "i-0123456789abcdef0";
const quiet = () => {};

/** A fake EC2 holding one instance's state, recording starts and stops. */
function fakeEc2(state: string, launchTime = new Date("2026-01-01T10:00:00Z")) {
  const calls: string[] = [];
  return {
    calls,
    instanceState: async (id: string) => (id === ID ? state : "unknown"),
    instance: async (id: string) => ({ state: id === ID ? state : "unknown", launchTime }),
    startInstances: async (ids: string[]) => void calls.push(`start ${ids.join(",")}`),
    stopInstances: async (ids: string[]) => void calls.push(`stop ${ids.join(",")}`),
  };
}

const call = async (state: string, routeKey: string) => {
  const ec2 = fakeEc2(state);
  const response = await createStart({ ec2, instanceId: ID, log: quiet })({ routeKey });
  return { calls: ec2.calls, status: response.statusCode as number, body: JSON.parse(response.body as string), type: response.headers["content-type"] };
};

describe("the game server's start endpoint (S1.3)", () => {
  it("starts a stopped server and says it is starting", async () => {
    expect(await call("stopped", "POST /start")).toEqual({ calls: [`start ${ID}`], status: 202, type: "application/json", body: expect.objectContaining({ state: "pending", started: true }) });
    expect((await call("stopped", "GET /start")).calls).toEqual([`start ${ID}`]);
  });

  it("leaves a running or starting server alone and answers with its state", async () => {
    expect(await call("running", "GET /start")).toMatchObject({ calls: [], status: 200, body: { instanceId: ID, state: "running", started: false } });
    expect(await call("pending", "POST /start")).toMatchObject({ calls: [], status: 200, body: { state: "pending" } });
  });

  it("asks to come back while the server is stopping, and says when it is gone", async () => {
    expect(await call("stopping", "POST /start")).toMatchObject({ calls: [], status: 409 });
    expect(await call("terminated", "POST /start")).toMatchObject({ calls: [], status: 410 });
  });

  it("only answers on GET /status, even when the server is stopped", async () => {
    expect(await call("stopped", "GET /status")).toMatchObject({ calls: [], status: 200, body: { state: "stopped" } });
  });
});

describe("the game server's idle stopper (S1.3)", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const minutes = (n: number, value: number) => Array.from({ length: n }, (_, i) => ({ timestamp: new Date(now.getTime() - (i + 1) * 60_000), value }));
  const run = async (state: string, points: Array<{ timestamp: Date; value: number }>, launchTime = new Date("2026-01-01T10:00:00Z")) => {
    const ec2 = fakeEc2(state, launchTime);
    const asked: unknown[] = [];
    const metrics = { packetsIn: async (query: unknown) => (asked.push(query), points) };
    const result = await createStopIdle({ ec2, metrics, instanceId: ID, idleMinutes: 30, packetsPerMinute: 600, now: () => now, log: quiet })();
    return { ...result, calls: ec2.calls, asked };
  };

  it("stops a server whose packets stayed below a player's trickle for the whole window", async () => {
    const result = await run("running", minutes(28, 120));
    expect(result).toMatchObject({ stopped: true, calls: [`stop ${ID}`] });
    expect(result.asked).toEqual([{ instanceId: ID, start: new Date("2026-01-01T11:30:00Z"), end: now }]);
  });

  it("keeps a server someone played on during the window", async () => {
    expect(await run("running", [...minutes(27, 100), { timestamp: now, value: 2400 }])).toMatchObject({ stopped: false, calls: [], reason: expect.stringContaining("someone is connected") });
  });

  it("gives a server started less than the window ago its time", async () => {
    expect(await run("running", minutes(10, 0), new Date("2026-01-01T11:50:00Z"))).toMatchObject({ stopped: false, calls: [], reason: expect.stringContaining("running for 10 of the 30 minutes") });
  });

  it("does not take missing metrics for an empty server", async () => {
    expect(await run("running", minutes(5, 0))).toMatchObject({ stopped: false, calls: [], reason: "only 5 of 30 minutes have metrics" });
  });

  it("does nothing (and reads no metrics) when the server is not running", async () => {
    expect(await run("stopped", minutes(30, 0))).toMatchObject({ stopped: false, calls: [], asked: [] });
  });

  it("refuses a configuration that would stop servers too eagerly or never", () => {
    const base = { ec2: fakeEc2("running"), metrics: { packetsIn: async () => [] }, instanceId: ID, log: quiet };
    expect(() => createStopIdle({ ...base, idleMinutes: 2, packetsPerMinute: 600 })).toThrow(/IDLE_MINUTES/);
    expect(() => createStopIdle({ ...base, idleMinutes: 30, packetsPerMinute: Number("x") })).toThrow(/IDLE_PACKETS_PER_MINUTE/);
    expect(() => createStopIdle({ ...base, instanceId: "", idleMinutes: 30, packetsPerMinute: 600 })).toThrow(/INSTANCE_ID/);
  });

  it("decides from the busiest minute, at the threshold counting as busy", () => {
    const verdict = (value: number) => idleVerdict({ state: "running", launchTime: new Date(0), points: minutes(30, value), now, idleMinutes: 30, packetsPerMinute: 600 }).idle;
    expect([verdict(599), verdict(600)]).toEqual([true, false]);
  });
});
