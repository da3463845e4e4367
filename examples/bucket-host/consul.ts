import { chart } from "noros";
import { containers } from "./eks.ts";

/**
 * A three-server Consul cluster from HashiCorp's own chart (the standard hashicorp/consul images), with
 * gossip encryption, TLS and ACLs on, and each server's data on an encrypted gp3 volume.
 */
export const consul = chart("consul", {
  cluster: containers,
  repository: "https://helm.releases.hashicorp.com",
  chart: "consul",
  version: "1.9.3",
  values: {
    global: {
      name: "consul",
      datacenter: "dc1",
      gossipEncryption: { autoGenerate: true },
      tls: { enabled: true },
      acls: { manageSystemACLs: true },
    },
    server: { replicas: 3, bootstrapExpect: 3, storage: "10Gi", storageClass: "gp3" },
    ui: { enabled: true, service: { type: "ClusterIP" } },
    connectInject: { enabled: false },
  },
});
