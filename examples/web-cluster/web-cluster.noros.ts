// S4 of SYSTEMS.md: small web apps on EKS. Each app (./shop, ./blog, ./status) is a service whose image
// runs its tests before it is built; the cluster has a "core" node group for the ingress, autoscaler,
// monitoring and certificate authority, and a "main" group for the apps. The failover plan (./failover.ts)
// sends web-cluster.example.com to the ingress while its health check passes, else to a standby page.
import { system } from "noros";
import { alerts } from "./alerts.ts";
import { blog } from "./blog.ts";
import { web } from "./cluster.ts";
import { plan } from "./failover.ts";
import { network } from "./network.ts";
import { shop } from "./shop.ts";
import { standby } from "./standby.ts";
import { status } from "./status.ts";

export default system("web-cluster", {
  region: "eu-central-1",
  resources: [
    network,
    alerts,
    web,
    shop,
    blog,
    status,
    standby.app,
    standby.lb,
    plan.zone,
    plan.probe,
    plan.site,
  ],
});
