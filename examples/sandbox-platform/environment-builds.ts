import { bucket, imageBuild } from "noros";
import { clients } from "./clients.ts";
import { network } from "./network.ts";

/** Where users upload the Dockerfiles or images their sandboxes boot from; the clients read them. */
export const environments = bucket("environments", { restrictTo: network, readers: [clients] });

/**
 * Every upload under uploads/ (`uploads/python-3/Dockerfile`, a build context or a `docker save`
 * archive `uploads/python-3/image.tar.gz`) starts a build that pushes `python-3-<content hash>` to
 * the build's own repository, which the clients may pull from. The bucket is readable only from the
 * VPC, so the builds run there.
 */
// requirement S2.4: `imageBuild("environment-builds", { source: environments })`: an upload to the bucket starts a CodeBuild build (EventBridge rule on "Object Created", the key passed to the build) that builds the Dockerfile or loads the image and pushes it to its own ECR repository (scanned on push, immutable tags); its role may only read the uploads, push to that repository and write its log group; the clients may pull
export const environmentBuilds = imageBuild("environment-builds", {
  source: environments,
  prefix: "uploads/",
  network,
  timeoutMinutes: 30,
  pullers: [clients],
});
