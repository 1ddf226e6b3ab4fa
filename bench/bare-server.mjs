/**
 * The ceiling of the emulator benchmark: a bare node:http server on 127.0.0.1 answering
 * every request with one fixed DescribeImages-shaped JSON body (no signature check, no
 * SQLite). Prints {"url": ...} and serves until SIGTERM.
 */
import { createServer } from 'node:http';

const body = JSON.stringify({
  RequestId: '00000000-0000-0000-0000-000000000000',
  TotalCount: 1,
  PageNumber: 1,
  PageSize: 10,
  RegionId: 'cn-hangzhou',
  Images: {
    Image: [
      {
        ImageId: 'm-bench0000000000000',
        ImageName: 'bench-0',
        Status: 'Available',
        Usable: true,
        Progress: '100%',
        Platform: 'Ubuntu',
        Architecture: 'x86_64',
        Size: 40,
        CreationTime: '2024-01-01T00:00:00Z',
        Description: '',
        DiskDeviceMappings: { DiskDeviceMapping: [{ Device: '/dev/xvda', Type: 'system', SnapshotId: 's-bench', Size: '40' }] },
        Tags: { Tag: [] },
      },
    ],
  },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }) + '\n'));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
