/**
 * The public (system) images seeded into every database. They are visible in every region to
 * every account (`ImageOwnerAlias=system`), always Available, and cannot be modified or deleted.
 * Ids follow the real naming so filters like `^ubuntu_[0-9]+_[0-9]+_x64*` behave as in the cloud.
 */
export interface PublicImage {
  id: string;
  name: string;
  platform: string;
  osType: 'linux' | 'windows';
  osName: string;
  osNameEn: string;
  architecture: 'x86_64' | 'arm64';
  sizeGiB: number;
  family: string;
  creationTime: string;
  bootMode: 'BIOS' | 'UEFI' | 'UEFI-Preferred';
}

const linux = (id: string, platform: string, os: string, arch: 'x86_64' | 'arm64', family: string, date: string): PublicImage => ({
  id,
  name: id,
  platform,
  osType: 'linux',
  osName: `${os} 64位`,
  osNameEn: `${os} 64 bit`,
  architecture: arch,
  sizeGiB: 20,
  family,
  creationTime: date,
  bootMode: arch === 'arm64' ? 'UEFI' : 'BIOS',
});

export const PUBLIC_IMAGES: readonly PublicImage[] = [
  linux('ubuntu_22_04_x64_20G_alibase_20240101.vhd', 'Ubuntu', 'Ubuntu  22.04', 'x86_64', 'acs:ubuntu_22_04_x64', '2024-01-01T08:00:00Z'),
  linux('ubuntu_20_04_x64_20G_alibase_20230718.vhd', 'Ubuntu', 'Ubuntu  20.04', 'x86_64', 'acs:ubuntu_20_04_x64', '2023-07-18T08:00:00Z'),
  linux(
    'ubuntu_22_04_arm64_20G_alibase_20240101.vhd',
    'Ubuntu',
    'Ubuntu  22.04',
    'arm64',
    'acs:ubuntu_22_04_arm64',
    '2024-01-01T08:00:01Z',
  ),
  linux('centos_7_9_x64_20G_alibase_20231220.vhd', 'CentOS', 'CentOS  7.9', 'x86_64', 'acs:centos_7_9_x64', '2023-12-20T08:00:00Z'),
  linux('debian_12_4_x64_20G_alibase_20240101.vhd', 'Debian', 'Debian  12.4', 'x86_64', 'acs:debian_12_x64', '2024-01-01T08:00:02Z'),
  linux(
    'aliyun_3_x64_20G_alibase_20240101.vhd',
    'Aliyun',
    'Alibaba Cloud Linux  3.2104 LTS',
    'x86_64',
    'acs:alibaba_cloud_linux_3_2104_lts_x64',
    '2024-01-01T08:00:03Z',
  ),
  linux(
    'aliyun_3_arm64_20G_alibase_20240101.vhd',
    'Aliyun',
    'Alibaba Cloud Linux  3.2104 LTS',
    'arm64',
    'acs:alibaba_cloud_linux_3_2104_lts_arm64',
    '2024-01-01T08:00:04Z',
  ),
  // The image SCC (super computing cluster) instances run: RDMA drivers included; older, so `most_recent` of `^aliyun` stays the plain one.
  linux(
    'aliyun_3_x64_20G_scc_alibase_20230510.vhd',
    'Aliyun',
    'Alibaba Cloud Linux  3.2104 LTS',
    'x86_64',
    'acs:alibaba_cloud_linux_3_2104_lts_x64_scc',
    '2023-05-10T08:00:00Z',
  ),
  {
    id: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240101.vhd',
    name: 'win2022_21H2_x64_dtc_en-us_40G_alibase_20240101.vhd',
    platform: 'Windows Server 2022',
    osType: 'windows',
    osName: 'Windows Server  2022 数据中心版 64位英文版',
    osNameEn: 'Windows Server  2022 Data Center Edition 64bit English Edition',
    architecture: 'x86_64',
    sizeGiB: 40,
    family: 'acs:windows_server_2022_x64',
    creationTime: '2024-01-01T08:00:05Z',
    bootMode: 'BIOS',
  },
];

/** The public image every seeded instance runs (Ubuntu 22.04, x86_64). */
export const SEED_INSTANCE_IMAGE = 'ubuntu_22_04_x64_20G_alibase_20240101.vhd';
export const SEED_LOCKED_INSTANCE_IMAGE = 'centos_7_9_x64_20G_alibase_20231220.vhd';
