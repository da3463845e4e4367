// expect: NOROS3054 8:39
import { bucket, imageBuild, network, system } from "noros";

const net = network("net", { cidr: "10.0.0.0/16", publicSubnets: ["10.0.0.0/24"], privateSubnets: ["10.0.10.0/24"], natGateway: true });
const uploads = bucket("uploads", { restrictTo: net });

// The bucket can be read only from inside the network, but the build runs outside it.
const builds = imageBuild("builds", { source: uploads });

export default system("image-builds", { region: "eu-central-1", resources: [net, uploads, builds] });
