import { parameter } from "noros";
import { startApi } from "./start.ts";

/**
 * The start API's URL in Parameter Store, so that other systems and tools (a Discord bot, a launcher
 * script) find it with `aws ssm get-parameter --name /<name prefix>/game/start-url` (noros puts the
 * system's name prefix in front of the path) instead of copying it from this system's outputs. It is
 * not a secret: the API is public by design (waivers.ts), and all it can do is start the server.
 */
export const startUrl = parameter("start-url", {
  path: "/game/start-url",
  value: startApi.url,
  description: "URL of the game server's start API (GET|POST /start, GET /status)",
});
