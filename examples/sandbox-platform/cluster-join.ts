/**
 * The EC2 tag every cluster host carries: Consul's and Nomad's retry_join list the instances tagged
 * so (go-discover's aws provider, with the hosts' ec2:DescribeInstances), so the cluster joins itself
 * whatever addresses the instances get.
 */
export const clusterJoin = { tagKey: "noros:cluster", tagValue: "sandbox-platform" };
