# An existing alicloud_disk_attachment can be imported using its id.
terraform import alicloud_disk_attachment.default d-running-data-1234567890123456:i-running-1234567890123456
