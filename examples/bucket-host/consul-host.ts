import { containers, host } from "noros";
import { network } from "./network.ts";

/**
 * A NixOS host running Docker with the standard Consul image as a single-server agent
 * (`consul agent -server -bootstrap-expect=1`), its data in a named volume, its HTTP API open to the
 * VPC. Host networking, so the agent advertises the host's own address; with docker0 present it binds
 * explicitly to the address inside the VPC.
 */
// requirement S0.10: `containers({ image: "hashicorp/consul:1.20.1", cmd: ["agent", "-server", "-bootstrap-expect=1", ...] })` on a NixOS host
export const consulHost = host("consul-host", {
  network,
  instanceType: "t3.small",
  modules: [
    containers({
      containers: [
        {
          name: "consul",
          image: "hashicorp/consul:1.20.1",
          cmd: [
            "agent",
            "-server",
            "-bootstrap-expect=1",
            '-bind={{ GetPrivateInterfaces | include "network" "10.20.0.0/16" | attr "address" }}',
            "-client=0.0.0.0",
          ],
          hostNetwork: true,
          volumes: ["consul-data:/consul/data"],
          ports: [{ port: 8500, description: "Consul HTTP API" }],
        },
      ],
    }),
  ],
});
