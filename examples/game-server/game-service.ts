import { systemdService } from "noros";

/** The port players connect to (UDP) and query and administer the server on (TCP, RCON). */
export const gamePort = 27015;

/**
 * The game as a reusable module: its own Linux user ("game"), its own part of the host configuration
 * (a hardened systemd service whose only writable place is /var/lib/game) and its own security group
 * and firewall rules for the game port, from inside the VPC: players come through the network load
 * balancer (edge.ts), whose flow admits them. install.sh puts the server files and start.sh in place;
 * until it has, the service fails and systemd retries it.
 */
// requirement S1.9: `systemdService({ name: "game", ports })`: its own user, its own part of the configuration, its own security group rules
export const gameService = systemdService({
  name: "game",
  description: "Team Fortress 2 dedicated server",
  script:
    'if [ ! -x /var/lib/game/start.sh ]; then\n  echo "install.sh has not finished yet"\n  exit 1\nfi\nexec steam-run /var/lib/game/start.sh\n',
  packages: ["steam-run-free"],
  ports: [
    { port: gamePort, protocol: "udp", description: "the game" },
    { port: gamePort, protocol: "tcp", description: "server queries and RCON" },
  ],
});
