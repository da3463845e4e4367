// S2 of SYSTEMS.md: Firecracker sandboxes on a Nomad + Consul cluster, started through a public,
// key-authenticated API. Users upload environments (a Dockerfile or an image) to a bucket; each
// upload starts a build that pushes the environment's image to ECR.
import { system } from "noros";
import { api } from "./api.ts";
import { clients } from "./clients.ts";
import { servers } from "./cluster.ts";
import { apiEdge } from "./edge.ts";
import { environmentBuilds, environments } from "./environment-builds.ts";
import { monitoring } from "./monitoring.ts";
import { network } from "./network.ts";

export default system("sandbox-platform", {
  region: "eu-central-1",
  resources: [
    network,
    ...servers,
    clients,
    environments,
    environmentBuilds,
    api,
    ...apiEdge,
    monitoring,
  ],
  outputs: { environments_bucket: environments.bucketName },
});
