# An existing alicloud_image_export can be imported using its id.
terraform import alicloud_image_export.default m-bp1g6zv0ce8oghu7k0zf:my-image-bucket:golden
