resource "alicloud_ecs_deployment_set" "default" {
  strategy            = "Availability"
  deployment_set_name = "terraform-example"
  description         = "spread the web tier over physical servers"
}
