# An existing alicloud_image_import can be imported using its id.
terraform import alicloud_image_import.default m-bp1g6zv0ce8oghu7k0zf
