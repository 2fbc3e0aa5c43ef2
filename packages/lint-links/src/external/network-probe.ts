import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';

/** At most this many hosts are looked up to tell "no network" from "a dead host". */
const PROBED_HOSTS = 5;
const PROBE_TIMEOUT_MS = 5000;

function hasExternalInterface(): boolean {
  return Object.values(networkInterfaces()).some((addresses) => (addresses ?? []).some((address) => !address.internal));
}

async function resolves(host: string): Promise<{ ok: boolean; code: string }> {
  const timeout = new Promise<{ ok: boolean; code: string }>((resolve) => setTimeout(() => resolve({ ok: false, code: 'ETIMEOUT' }), PROBE_TIMEOUT_MS).unref());
  const answer = lookup(host).then(
    () => ({ ok: true, code: '' }),
    (error: NodeJS.ErrnoException) => ({ ok: false, code: error.code ?? 'error' }),
  );
  return Promise.race([answer, timeout]);
}

/**
 * Why the network is unusable for checking these hosts, or undefined when
 * it is usable. No network at all is a machine without an outside network
 * interface, or several distinct hosts none of which resolves: one host
 * that does not resolve is a dead link, not a dead network.
 */
export async function networkUnavailable(hosts: readonly string[]): Promise<string | undefined> {
  const distinct = [...new Set(hosts.map((host) => host.replace(/:\d+$/u, '').replace(/^\[|\]$/gu, '')))];
  if (distinct.length === 0) return undefined;
  if (!hasExternalInterface() && !distinct.every((host) => host === 'localhost' || host === '127.0.0.1' || host === '::1')) {
    return 'this machine has no network interface besides loopback';
  }
  const probed = distinct.slice(0, PROBED_HOSTS);
  if (probed.length < 2) return undefined;
  const answers = await Promise.all(probed.map(resolves));
  if (answers.some((answer) => answer.ok)) return undefined;
  const codes = [...new Set(answers.map((answer) => answer.code))].join(', ');
  return `none of ${probed.length} hosts resolves (${probed.join(', ')}: ${codes})`;
}
