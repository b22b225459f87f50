// Sysctls as the kubelet sorts them (pkg/kubelet/sysctl, k8s.io/component-helpers/node/util/sysctl).

/**
 * The kubelet's safe set: namespaced and isolated from other Pods, allowed on every node. The same
 * for Kubernetes 1.32 and later (tcp_rmem and tcp_wmem were the last added, in 1.32).
 */
export const SAFE_SYSCTLS: readonly string[] = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];

/** The Linux namespace a sysctl belongs to, or `node` when it is not namespaced at all. */
export type SysctlNamespace = 'ipc' | 'net' | 'node';

/**
 * Names may use `/` as the separator (`net/ipv4/ip_forward`); the kubelet swaps `.` and `/` when
 * the first separator is a slash, so `net/ipv4/conf/eth0.100/rp_filter` means the interface eth0.100.
 */
export function normalizeSysctlName(name: string): string {
  const first = name.search(/[./]/);
  if (first === -1 || name[first] === '.') return name;
  return name.replace(/[./]/g, (separator) => (separator === '.' ? '/' : '.'));
}

export function sysctlNamespace(name: string): SysctlNamespace {
  if (name === 'kernel.sem') return 'ipc';
  if (name.startsWith('kernel.shm') || name.startsWith('kernel.msg') || name.startsWith('fs.mqueue.')) return 'ipc';
  if (name.startsWith('net.')) return 'net';
  return 'node';
}

/** Matches a sysctl against kubelet allowlist patterns: a name, or a prefix ending in `*`. */
export function matchesSysctlPattern(name: string, pattern: string): boolean {
  const normalized = normalizeSysctlName(pattern);
  return normalized.endsWith('*') ? name.startsWith(normalized.slice(0, -1)) : name === normalized;
}
