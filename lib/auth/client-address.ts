// Which address a request comes from, for rate limits. X-Forwarded-For is written by whoever sends the
// request, so it is believed only when the connection comes from a proxy the operator named in
// HUITONG_TRUSTED_PROXIES (none by default): then the list is read from the right, skipping trusted proxies,
// and the first address that is not one is the client. The web server (scripts/start.ts) resolves it once
// per request and passes it on in CLIENT_ADDRESS_HEADER, replacing any value the request brought along.
import { isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-huitong-client-address";

export type TrustedProxies = (address: string) => boolean;

/** Parses "10.0.0.1, 10.1.0.0/16, ::1" into a matcher; a malformed entry is an error at start, not a silent hole. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseEntry);
  return (address) => {
    const normalized = normalizeAddress(address);
    return entries.some((matches) => matches(normalized));
  };
}

function parseEntry(entry: string): (address: string) => boolean {
  const [base, bits] = entry.split("/");
  const address = normalizeAddress(base ?? "");
  const version = isIP(address);
  if (!version) throw new Error(`HUITONG_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
  if (bits === undefined) return (candidate) => candidate === address;
  const prefix = Number(bits);
  const width = version === 4 ? 32 : 128;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width) {
    throw new Error(`HUITONG_TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
  }
  const network = addressBits(address);
  return (candidate) => {
    if (isIP(candidate) !== version) return false;
    return addressBits(candidate).slice(0, prefix) === network.slice(0, prefix);
  };
}

/** "::ffff:1.2.3.4" (IPv4 seen through an IPv6 socket) is 1.2.3.4; brackets and zone ids are dropped. */
export function normalizeAddress(address: string): string {
  const trimmed = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

function addressBits(address: string): string {
  if (isIP(address) === 4) {
    return address
      .split(".")
      .map((part) => Number(part).toString(2).padStart(8, "0"))
      .join("");
  }
  const [head = "", tail = ""] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return groups
    .map((group) =>
      parseInt(group || "0", 16)
        .toString(2)
        .padStart(16, "0"),
    )
    .join("");
}

/** The client's address: the socket's peer, or, behind trusted proxies only, the forwarded client. */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalizeAddress(peer ?? "") || "unknown";
  if (!trusted(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (!isIP(hop)) return client;
    client = hop;
    if (!trusted(hop)) return hop;
  }
  return client;
}

/** The address the web server resolved for this request ("unknown" if it came some other way). */
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
