import { z } from "zod";
import { codedString } from "../common.js";
import { ModulePort, UnixName } from "./common.js";

/** An image reference with a tag and, preferably, a digest: never an implicit "latest". */
const Image = codedString(
  "NOROS2266",
  (value) => /^[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})(@sha256:[0-9a-f]{64})?$/.test(value) && !/:latest(@|$)/.test(value),
  (value) => `image "${value}" has no tag or uses "latest": name a version such as hashicorp/consul:1.20.1`,
);

const Container = z.strictObject({
  /** The container's name: its systemd unit is docker-<name>.service. */
  name: UnixName,
  image: Image,
  /** Arguments after the image's entrypoint. */
  cmd: z.array(z.string()).default([]),
  /** Environment of the container (never secrets: they would be in the Nix store). */
  environment: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).default({}),
  /** Host ports published to the same container port; each also opens the firewall and the security group. */
  ports: z.array(ModulePort).default([]),
  /** Share the host's network namespace (what Consul's gossip needs to advertise the host's address). */
  hostNetwork: z.boolean().default(false),
  /** Named volumes or host directories mounted into the container ("consul-data:/consul/data"). */
  volumes: z.array(z.string().regex(/^[A-Za-z0-9_./-]+:\/[A-Za-z0-9_./-]*(:ro)?$/, "a volume is source:/path or source:/path:ro")).default([]),
});

/** Docker on the host, running OCI containers as systemd services (`virtualisation.oci-containers`). */
export const ContainersSchema = z.strictObject({
  containers: z.array(Container).min(1),
});

export type ContainersInput = z.input<typeof ContainersSchema>;
export type ContainersProps = z.output<typeof ContainersSchema>;
