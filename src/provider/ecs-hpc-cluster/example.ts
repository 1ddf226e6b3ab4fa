/** The documentation example of `alicloud_ecs_hpc_cluster`. */
export const HPC_CLUSTER_EXAMPLE = `resource "alicloud_ecs_hpc_cluster" "default" {
  name        = "terraform-example"
  description = "RDMA network of the solver nodes"
}
`;
