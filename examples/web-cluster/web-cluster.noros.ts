// S4 of SYSTEMS.md: small web apps on EKS. Each app (./shop, ./blog, ./status) is a service whose image
// runs its tests before it is built; the cluster has a "core" node group for the ingress, autoscaler,
// monitoring and certificate authority, and a "main" group for the apps. (The Route53 failover plan,
// S4.6, is still to come.)
import { system } from "noros";
import { alerts } from "./alerts.ts";
import { blog } from "./blog.ts";
import { web } from "./cluster.ts";
import { network } from "./network.ts";
import { shop } from "./shop.ts";
import { status } from "./status.ts";

export default system("web-cluster", {
  region: "eu-central-1",
  resources: [network, alerts, web, shop, blog, status],
});
