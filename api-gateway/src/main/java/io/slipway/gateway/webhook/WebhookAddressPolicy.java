package io.slipway.gateway.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses webhooks may be delivered to. By default only public ones: a webhook is a URL anyone who may
 * deploy can set, and without this it would make the gateway send requests to the host's own services (an admin API
 * on loopback), to the cloud's metadata service or to the private network around it. Refused: loopback,
 * link-local, private (RFC 1918, IPv6 unique local, carrier-grade NAT), unspecified, multicast and reserved
 * addresses, and IPv6 forms that embed such an IPv4 address. An operator whose receivers live on an intranet allows
 * them all ({@code SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true}).
 */
final class WebhookAddressPolicy {

    /** The operator's setting, named in every refusal so that whoever reads it knows the way out. */
    static final String ALLOW_PRIVATE_SETTING = "SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true";

    /** A range of addresses of one kind: the address's first {@code bits} bits equal the prefix's. */
    private record Block(String kind, byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("an unspecified", "0.0.0.0", 8),
            block("a loopback", "127.0.0.0", 8),
            block("a private", "10.0.0.0", 8),
            block("a private", "172.16.0.0", 12),
            block("a private", "192.168.0.0", 16),
            block("a shared (carrier-grade NAT)", "100.64.0.0", 10),
            block("a link-local", "169.254.0.0", 16),
            block("a multicast", "224.0.0.0", 4),
            block("a reserved", "240.0.0.0", 4),
            block("an unspecified", "::", 128),
            block("a loopback", "::1", 128),
            block("a private", "fc00::", 7),
            block("a private (site-local)", "fec0::", 10),
            block("a link-local", "fe80::", 10),
            block("a multicast", "ff00::", 8));

    /**
     * IPv6 ranges whose last 32 bits are an IPv4 address the packet ends up at: IPv4-mapped, IPv4-compatible and
     * the NAT64 well-known prefix. (The JDK turns most IPv4-mapped addresses into IPv4 addresses already.)
     */
    private static final List<Block> EMBEDDING_IPV4 =
            List.of(block("", "::ffff:0.0.0.0", 96), block("", "::", 96), block("", "64:ff9b::", 96));

    private final boolean allowPrivate;

    WebhookAddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why a delivery to {@code address} is refused; empty when it may go there. */
    Optional<String> refusal(InetAddress address) {
        if (allowPrivate) {
            return Optional.empty();
        }
        return kind(address.getAddress())
                .map(kind -> address.getHostAddress() + " is " + kind + " address; webhooks reach only public"
                        + " addresses unless the operator sets " + ALLOW_PRIVATE_SETTING);
    }

    /**
     * Why a URL's host is refused before anything is sent: {@code localhost} (and names under it), or a literal
     * address in a refused range, however it is spelled ({@code 2130706433}, {@code 127.1}, {@code [::1]}). Other
     * names are not looked up here: each delivery checks what they resolve to then.
     */
    Optional<String> refusalOfHost(String host) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(host + " is a loopback name; webhooks reach only public addresses unless the operator"
                    + " sets " + ALLOW_PRIVATE_SETTING);
        }
        boolean literal = name.startsWith("[")
                || (!name.isEmpty() && name.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!literal) {
            return Optional.empty();
        }
        try {
            // A literal is read by the JDK without a lookup, in every spelling it accepts.
            return refusal(InetAddress.getByName(name));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<String> kind(byte[] address) {
        for (Block block : BLOCKS) {
            if (block.contains(address)) {
                return Optional.of(block.kind());
            }
        }
        for (Block embedding : EMBEDDING_IPV4) {
            if (embedding.contains(address)) {
                return kind(Arrays.copyOfRange(address, 12, 16)).map(kind -> kind + " IPv4");
            }
        }
        return Optional.empty();
    }

    private static Block block(String kind, String literal, int bits) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            // "::ffff:0.0.0.0" must stay 16 bytes; the JDK would read it as the IPv4 address 0.0.0.0.
            byte[] bytes = literal.contains(":") && !(address instanceof Inet6Address)
                    ? mapped(address.getAddress())
                    : address.getAddress();
            return new Block(kind, bytes, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }
}
