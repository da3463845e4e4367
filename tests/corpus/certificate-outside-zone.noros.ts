// expect: NOROS3065 5:36
import { certificate, dnsZone, system } from "noros";

const zone = dnsZone("zone", { domain: "example.com" });
const cert = certificate("cert", { domain: "api.example.org", zone });

export default system("tls", { region: "eu-central-1", resources: [zone, cert] });
