// S2 of SYSTEMS.md: Firecracker sandboxes on a Nomad + Consul cluster, started through a public,
// key-authenticated API. Users upload environments (a Dockerfile or an image) to a bucket.
import { bucket, system } from "noros";
import { api } from "./api.ts";
import { clients } from "./clients.ts";
import { servers } from "./cluster.ts";
import { apiEdge } from "./edge.ts";
import { monitoring } from "./monitoring.ts";
import { network } from "./network.ts";

/** Where users upload the Dockerfiles or images their sandboxes boot from; the clients read them. */
const environments = bucket("environments", { restrictTo: network, readers: [clients] });

export default system("sandbox-platform", {
  region: "eu-central-1",
  resources: [network, ...servers, clients, environments, api, ...apiEdge, monitoring],
  outputs: { environments_bucket: environments.bucketName },
});
