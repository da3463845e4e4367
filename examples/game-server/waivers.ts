import { waive } from "noros";
import { server } from "./server.ts";

/**
 * The security-policy rules this system knowingly relaxes, each with its reason (`noros check` lists
 * them). The waived server is the same construct as `server`.
 */
export const publicServer = waive(
  server,
  "NOROS-EC2-003",
  "players connect to the game port directly, so the server needs a public address; only the game ports are open and there is no SSH",
);
