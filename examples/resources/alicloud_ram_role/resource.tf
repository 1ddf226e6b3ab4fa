resource "alicloud_ram_role" "default" {
  role_name                   = "terraform-example"
  assume_role_policy_document = jsonencode({
    Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { Service = ["ecs.aliyuncs.com"] } }]
    Version   = "1"
  })
  description = "Role of the web servers."
}
