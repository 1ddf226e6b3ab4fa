/** The documentation example of `alicloud_ecs_snapshot` (and `alicloud_snapshot`): a snapshot of a data disk attached to an instance. */
import { DISK_ATTACHMENT_BASE } from '../ecs-disk-attachment/example.js';

/** The example for `typeName` (`alicloud_ecs_snapshot` or `alicloud_snapshot`). */
export const snapshotExample = (typeName: string) => `${DISK_ATTACHMENT_BASE}
resource "alicloud_ecs_disk_attachment" "default" {
  disk_id     = alicloud_ecs_disk.default.id
  instance_id = alicloud_instance.default.id
}

resource "${typeName}" "default" {
  disk_id        = alicloud_ecs_disk_attachment.default.disk_id
  snapshot_name  = "terraform-example"
  description    = "terraform-example"
  retention_days = 20
  tags = {
    Created = "terraform"
  }
}
`;
