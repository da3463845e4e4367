import { fail2ban } from "noros";
import { gamePort } from "./game-service.ts";

/**
 * fail2ban on the public server: addresses that keep failing RCON authentication (the server logs
 * `rcon from "<address>:<port>": bad password`) are banned at the firewall, longer each time.
 */
// requirement S1.8: `fail2ban({ jails })` on the public-facing host, banning repeated RCON failures
export const bans = fail2ban({
  banTime: "1h",
  jails: [
    {
      name: "game-rcon",
      unit: "game",
      failRegex: ['rcon from "<HOST>:\\d+": bad password'],
      port: gamePort,
      protocol: "tcp",
      maxRetry: 5,
    },
  ],
});
