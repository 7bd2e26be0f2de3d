package luoshi.review.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook must never reach outside local runs (API.md, Webhook targets): the service would otherwise
 * be a probe of its own network (a cloud's metadata service at 169.254.169.254, a database on 10.0.0.5, itself on
 * 127.0.0.1). An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64,
 * 6to4) is judged by the IPv4 address it leads to; Teredo, whose IPv4 addresses are obfuscated, is refused whole, and
 * so is any other IPv6 address outside the global unicast block 2000::/3.
 */
final class InternalAddresses {

    /** A CIDR block and what it is. */
    private record Block(byte[] prefix, int bits, String name) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** An IPv6 block whose addresses carry an IPv4 address in bytes {@code from} to {@code from + 4}. */
    private record Embedding(Block block, int from) {
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0", 8, "this network (0.0.0.0/8, with the unspecified 0.0.0.0)"),
            block("10.0.0.0", 8, "private (10.0.0.0/8)"),
            block("100.64.0.0", 10, "shared carrier-grade NAT (100.64.0.0/10)"),
            block("127.0.0.0", 8, "loopback (127.0.0.0/8)"),
            block("169.254.0.0", 16, "link-local (169.254.0.0/16)"),
            block("172.16.0.0", 12, "private (172.16.0.0/12)"),
            block("192.0.0.0", 24, "reserved for protocol assignments (192.0.0.0/24)"),
            block("192.0.2.0", 24, "documentation (192.0.2.0/24)"),
            block("192.88.99.0", 24, "6to4 relay (192.88.99.0/24)"),
            block("192.168.0.0", 16, "private (192.168.0.0/16)"),
            block("198.18.0.0", 15, "benchmarking (198.18.0.0/15)"),
            block("198.51.100.0", 24, "documentation (198.51.100.0/24)"),
            block("203.0.113.0", 24, "documentation (203.0.113.0/24)"),
            block("224.0.0.0", 4, "multicast (224.0.0.0/4)"),
            block("240.0.0.0", 4, "reserved (240.0.0.0/4, with the broadcast 255.255.255.255)"));

    private static final List<Block> IPV6 = List.of(
            block("::", 128, "unspecified (::)"),
            block("::1", 128, "loopback (::1)"),
            block("100::", 64, "discard-only (100::/64)"),
            block("2001::", 32, "Teredo (2001::/32)"),
            block("2001:db8::", 32, "documentation (2001:db8::/32)"),
            block("64:ff9b:1::", 48, "local-use NAT64 (64:ff9b:1::/48)"),
            block("fc00::", 7, "unique local (fc00::/7)"),
            block("fe80::", 10, "link-local (fe80::/10)"),
            block("fec0::", 10, "site-local (fec0::/10)"),
            block("ff00::", 8, "multicast (ff00::/8)"));

    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(block("::ffff:0:0", 96, "IPv4-mapped (::ffff:0:0/96)"), 12),
            new Embedding(block("::ffff:0:0:0", 96, "IPv4-translated (::ffff:0:0:0/96)"), 12),
            new Embedding(block("::", 96, "IPv4-compatible (::/96)"), 12),
            new Embedding(block("64:ff9b::", 96, "NAT64 (64:ff9b::/96)"), 12),
            new Embedding(block("2002::", 16, "6to4 (2002::/16)"), 2));

    /** Where IPv6 unicast addresses of the Internet are allocated; outside it (and its embeddings) all is special. */
    private static final Block GLOBAL_UNICAST = block("2000::", 3, "global unicast (2000::/3)");

    private InternalAddresses() {
    }

    /** Why {@code address} is refused ("link-local (169.254.0.0/16) … in NAT64 …"), or empty when it is public. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return first(IPV4, bytes).map(Block::name);
        }
        Optional<Block> own = first(IPV6, bytes);
        if (own.isPresent()) {
            return own.map(Block::name);
        }
        for (Embedding e : EMBEDDINGS) {
            if (e.block().contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, e.from(), e.from() + 4);
                return first(IPV4, ipv4).map(b -> b.name() + ", as " + text(ipv4) + " in " + e.block().name());
            }
        }
        return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("not global unicast (outside 2000::/3)");
    }

    private static Optional<Block> first(List<Block> blocks, byte[] bytes) {
        return blocks.stream().filter(b -> b.contains(bytes)).findFirst();
    }

    private static Block block(String literal, int bits, String name) {
        return new Block(bytes(literal), bits, name);
    }

    /** The bytes of an address literal; IPv4-mapped literals kept as 16 bytes (InetAddress would shorten them). */
    private static byte[] bytes(String literal) {
        try {
            byte[] parsed = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && parsed.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(parsed, 0, mapped, 12, 4);
                return mapped;
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }

    private static String text(byte[] ipv4) {
        return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }
}
