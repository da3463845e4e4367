/**
 * The start endpoint, apart from AWS: `POST /start` or `GET /start` starts the game server if it is
 * stopped and answers with its state; `GET /status` only answers. Starting is idempotent (a running
 * or starting server is left alone), which is what makes it safe to expose without authentication.
 * The EC2 port is injected so that a test can run this with a fake (tests/game-server-handlers.test.ts).
 */

const json = (statusCode, body) => ({ statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/**
 * `ec2.instanceState(id)` gives the instance's state name (pending, running, stopping, stopped, ...);
 * `ec2.startInstances(ids)` starts it. Those are all this function's role allows.
 */
export function createHandler({ ec2, instanceId, log = (entry) => console.log(JSON.stringify(entry)) }) {
  if (!instanceId) throw new Error("INSTANCE_ID is not set");
  return async function handler(event) {
    const route = event?.routeKey ?? "";
    const state = await ec2.instanceState(instanceId);
    if (route.endsWith(" /status")) return json(200, { instanceId, state });
    if (state === "stopped") {
      await ec2.startInstances([instanceId]);
      log({ action: "start", instanceId, route });
      return json(202, { instanceId, state: "pending", started: true, message: "the server is starting; it answers players in a minute or two" });
    }
    if (state === "stopping") return json(409, { instanceId, state, started: false, message: "the server is stopping; ask again in a minute" });
    if (state === "running" || state === "pending") return json(200, { instanceId, state, started: false });
    // shutting-down or terminated: nothing an HTTP call can fix.
    return json(410, { instanceId, state, started: false, message: "the server no longer exists" });
  };
}
