package dev.cfsign;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address or CIDR block for a custom policy's {@code IpAddress} condition. CloudFront takes IPv4 only;
 * a bare address means {@code /32}. Parsed without regular expressions: the verifier reads one per request.
 *
 * @since 0.1
 */
public final class IpRange {
    private final int network;
    private final int mask;
    private final int prefix;
    private final String text;

    private IpRange(int address, int prefix, String text) {
        this.prefix = prefix;
        this.mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        this.network = address & mask;
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
        return tryParse(value.strip()).orElseThrow(() -> invalid(value));
    }

    /** As {@link #parse}, but empty instead of an exception; no surrounding whitespace is allowed. */
    public static Optional<IpRange> tryParse(String text) {
        int n = text.length();
        int i = 0;
        int ip = 0;
        for (int part = 0; part < 4; part++) {
            int start = i;
            int v = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || v > 255 || (len > 1 && text.charAt(start) == '0')) {
                return Optional.empty();
            }
            ip = (ip << 8) | v;
            if (part < 3) {
                if (i >= n || text.charAt(i) != '.') {
                    return Optional.empty();
                }
                i++;
            }
        }
        int addressEnd = i;
        int prefix = 32;
        if (i < n) {
            if (text.charAt(i) != '/') {
                return Optional.empty();
            }
            i++;
            int start = i;
            int v = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 2) {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i != n || v > 32 || (i - start > 1 && text.charAt(start) == '0')) {
                return Optional.empty();
            }
            prefix = v;
        }
        return Optional.of(new IpRange(ip, prefix, addressEnd == n ? text + "/32" : text));
    }

    private static SigningException invalid(String value) {
        String why = value.indexOf(':') >= 0 ? "CloudFront policies take IPv4 only (IPv6 is not supported in IpAddress)"
                : "expected four numbers 0-255 without leading zeros, optionally followed by /0 to /32";
        return new SigningException(SigningException.Reason.INVALID_IP_RANGE, "Invalid IP range: " + why
                + ". Use an IPv4 address (203.0.113.7) or CIDR block (203.0.113.0/24).");
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
        return (ip & mask) == network;
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
