/**
 * The idle stopper, apart from AWS: run on a schedule, it stops the game server when no one has been
 * connected for `idleMinutes`.
 *
 * The idle signal is the instance's own CloudWatch metric NetworkPacketsIn (1-minute sums; the host
 * has detailed monitoring): a connected player sends tens of packets a second, while an empty server
 * receives only the trickle of the SSM agent and the OS. The server counts as idle when it has been
 * running for at least `idleMinutes` (a server just started gets that long for someone to join), at
 * least half of the minutes of that window have a datapoint (missing data is not evidence of an empty
 * server), and every datapoint is below `packetsPerMinute`. This needs no agent and no access to the
 * game itself, and works for any game on any port.
 *
 * The ports are injected so that a test can run this with fakes (tests/game-server-handlers.test.ts).
 */

const MINUTE = 60_000;

/** The decision, on its own: `points` are the per-minute packet sums of the window. */
export function idleVerdict({ state, launchTime, points, now, idleMinutes, packetsPerMinute }) {
  if (state !== "running") return { idle: false, reason: `the server is ${state}` };
  const upMinutes = (now.getTime() - launchTime.getTime()) / MINUTE;
  if (upMinutes < idleMinutes) return { idle: false, reason: `running for ${Math.floor(upMinutes)} of the ${idleMinutes} minutes a started server is given` };
  if (points.length < Math.ceil(idleMinutes / 2)) return { idle: false, reason: `only ${points.length} of ${idleMinutes} minutes have metrics` };
  const busiest = Math.max(...points.map((p) => p.value));
  if (busiest >= packetsPerMinute) return { idle: false, reason: `${busiest} packets in a minute of the last ${idleMinutes}: someone is connected` };
  return { idle: true, reason: `fewer than ${packetsPerMinute} packets a minute for ${idleMinutes} minutes` };
}

/**
 * `ec2.instance(id)` gives `{ state, launchTime }`; `ec2.stopInstances(ids)` stops it;
 * `metrics.packetsIn({ instanceId, start, end })` gives the window's `[{ timestamp, value }]`.
 */
export function createHandler({ ec2, metrics, instanceId, idleMinutes, packetsPerMinute, now = () => new Date(), log = (entry) => console.log(JSON.stringify(entry)) }) {
  if (!instanceId) throw new Error("INSTANCE_ID is not set");
  if (!(Number.isInteger(idleMinutes) && idleMinutes >= 5)) throw new Error(`IDLE_MINUTES must be a whole number of at least 5, not ${idleMinutes}`);
  if (!(Number.isFinite(packetsPerMinute) && packetsPerMinute > 0)) throw new Error(`IDLE_PACKETS_PER_MINUTE must be a positive number, not ${packetsPerMinute}`);
  return async function handler() {
    const at = now();
    const { state, launchTime } = await ec2.instance(instanceId);
    const points = state === "running" ? await metrics.packetsIn({ instanceId, start: new Date(at.getTime() - idleMinutes * MINUTE), end: at }) : [];
    const verdict = idleVerdict({ state, launchTime, points, now: at, idleMinutes, packetsPerMinute });
    if (verdict.idle) await ec2.stopInstances([instanceId]);
    log({ action: verdict.idle ? "stop" : "keep", instanceId, reason: verdict.reason });
    return { stopped: verdict.idle, reason: verdict.reason };
  };
}
