package dev.cfsign;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 address or CIDR block for a custom policy's {@code IpAddress} condition. CloudFront takes IPv4 only;
 * a bare address means {@code /32}.
 *
 * @since 0.1
 */
public final class IpRange {
    private final int network;
    private final int prefix;
    private final String text;

    private IpRange(int network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code a.b.c.d} or {@code a.b.c.d/n}. The text is kept as given (plus {@code /32} for a bare address),
     * since that is what goes into the signed policy.
     *
     * @throws SigningException with {@link SigningException.Reason#INVALID_IP_RANGE}
     */
    public static IpRange parse(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.trim();
        int slash = v.indexOf('/');
        String addr = slash < 0 ? v : v.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String p = v.substring(slash + 1);
            if (!p.matches("[0-9]{1,2}") || Integer.parseInt(p) > 32) {
                throw invalid(value, "the prefix length after '/' must be 0 to 32");
            }
            prefix = Integer.parseInt(p);
        }
        if (addr.indexOf(':') >= 0) {
            throw invalid(value, "CloudFront policies take IPv4 only (IPv6 is not supported in IpAddress)");
        }
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(value, "expected four dot-separated numbers, like 192.0.2.0/24");
        }
        int ip = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
                throw invalid(value, "each number must be 0 to 255, without leading zeros");
            }
            ip = (ip << 8) | Integer.parseInt(part);
        }
        return new IpRange(ip & mask(prefix), prefix, addr + "/" + prefix);
    }

    private static SigningException invalid(String value, String why) {
        String shown = value.length() > 64 || !value.matches("[0-9A-Fa-f.:/ ]*") ? "the given value" : "'" + value + "'";
        return new SigningException(SigningException.Reason.INVALID_IP_RANGE,
                "Invalid IP range " + shown + ": " + why + ". Use an IPv4 address (203.0.113.7) or CIDR block (203.0.113.0/24).");
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The CIDR text that goes into the policy, e.g. {@code 203.0.113.0/24}. */
    public String cidr() {
        return text;
    }

    public int prefixLength() {
        return prefix;
    }

    /** True when {@code address} is an IPv4 address inside this range. IPv6 addresses never match. */
    public boolean contains(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int ip = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return (ip & mask(prefix)) == network;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange && ((IpRange) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
