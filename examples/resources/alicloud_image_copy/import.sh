# An existing alicloud_image_copy can be imported using its id.
terraform import alicloud_image_copy.default m-bp1g6zv0ce8oghu7k0zf
