resource "alicloud_ecs_hpc_cluster" "default" {
  name        = "terraform-example"
  description = "RDMA network of the solver nodes"
}
