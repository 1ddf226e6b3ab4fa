# An existing alicloud_image_share_permission can be imported using its id.
terraform import alicloud_image_share_permission.default m-bp1g6zv0ce8oghu7k0zf:2234567890123456
