// expect: NOROS3070 7:57
import { host, network, secret, system } from "noros";

const main = network("main", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const token = secret("api-token", { generate: {} });
// User data is not a secret store: the value would be in plain text in Terraform and on the instance.
const web = host("web", { network: main, environment: { TOKEN: token.value as never } });

export default system("secret-leak", { region: "eu-central-1", resources: [main, web, token] });
