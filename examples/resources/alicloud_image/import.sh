# An existing alicloud_image can be imported using its id.
terraform import alicloud_image.default m-bp1g6zv0ce8oghu7k0zf
