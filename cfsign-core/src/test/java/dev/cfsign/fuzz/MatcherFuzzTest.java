package dev.cfsign.fuzz;

import static dev.cfsign.fuzz.FuzzChecks.check;
import static dev.cfsign.fuzz.FuzzChecks.text;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.IpRange;
import dev.cfsign.SigningException;
import dev.cfsign.internal.ResourceMatcher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wildcard matcher and the CIDR parser, each against a simple reference written here: the matcher against one
 * regular expression per reading of the pattern (wildcards translated per URL section), the parser against a
 * split-and-check parse with {@code InetAddress} for containment.
 */
class MatcherFuzzTest {

    // ---- ResourceMatcher ----------------------------------------------------------------------------------

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void resourceMatcher(FuzzedDataProvider data) {
        String pattern = pick(data, "https://", "http://", "*://", "http*://", "htt?://", "", "*") + chars(data, "ab.*?", 6);
        if (data.consumeBoolean()) {
            pattern += "/" + chars(data, "ab/.*?", 8);
            int sep = data.consumeInt(0, 2);
            if (sep > 0) {
                pattern += (sep == 1 ? "\\?" : "?") + chars(data, "ab=&*?", 6);
            }
        }
        if (data.consumeInt(0, 15) == 0) {
            pattern = "*";
        }
        String scheme = data.consumeBoolean() ? "https" : "http";
        String authority = chars(data, "abA.", 5);
        if (authority.isEmpty()) {
            authority = "a";
        }
        String path = "/" + chars(data, "ab/.", 8);
        String query = data.consumeBoolean() ? null : "x" + chars(data, "ab=&?", 6);

        boolean actual = ResourceMatcher.matches(pattern, scheme, authority, path, query);
        boolean expected = referenceMatches(pattern, scheme, authority, path, query);
        check(actual == expected, "ResourceMatcher says " + actual + ", the reference " + expected + " for pattern "
                + pattern + " and " + scheme + "://" + authority + path + (query == null ? "" : "?" + query));
    }

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void glob(FuzzedDataProvider data) {
        String p = chars(data, "ab*?\\", 10);
        String t = chars(data, "ab?\\", 10);
        check(ResourceMatcher.glob(p, t) == Pattern.compile(globRegex(p, "."), Pattern.DOTALL).matcher(t).matches(),
                "glob disagrees with the regex for " + p + " / " + t);
    }

    /**
     * The reference: the request URL as one string, the pattern as alternative regular expressions (one per reading of
     * an unescaped '?'), with '*' and '?' kept inside their URL section by the character class they translate to.
     */
    static boolean referenceMatches(String pattern, String scheme, String authority, String path, String query) {
        if (pattern.equals("*")) {
            return true;
        }
        String url = scheme + "://" + authority + path + (query == null || query.isEmpty() ? "" : "?" + query);
        String proto;
        String rest;
        var m = Pattern.compile("([^/]*)://(.*)", Pattern.DOTALL).matcher(pattern);
        if (m.matches()) {
            proto = m.group(1);
            rest = m.group(2);
        } else if (pattern.startsWith("*")) {
            proto = "*";
            rest = pattern;
        } else {
            return false;
        }
        String head = "(?i:" + globRegex(proto, "[^/]") + ")://";
        int slash = rest.indexOf('/');
        List<String> alternatives = new ArrayList<>();
        if (slash < 0) {
            String domain = "(?i:" + globRegex(rest, "[^/]") + ")";
            alternatives.add(head + domain + (rest.endsWith("*") ? "/[^?]*(\\?.*)?" : "/"));
        } else {
            String domain = "(?i:" + globRegex(rest.substring(0, slash), "[^/]") + ")";
            String pq = rest.substring(slash);
            int escaped = pq.indexOf("\\?");
            if (escaped >= 0) {
                alternatives.add(head + domain + section(pq.substring(0, escaped), pq.substring(escaped + 2)));
            } else {
                alternatives.add(head + domain + globRegex(pq, "[^?]") + (pq.endsWith("*") ? "(\\?.*)?" : ""));
                for (int i = 0; i < pq.length(); i++) {
                    if (pq.charAt(i) == '?') {
                        alternatives.add(head + domain + section(pq.substring(0, i), pq.substring(i + 1)));
                    }
                }
            }
        }
        for (String re : alternatives) {
            if (Pattern.compile(re, Pattern.DOTALL).matcher(url).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Path then query; a URL without a query matches when the query pattern matches the empty string. */
    private static String section(String pathPattern, String queryPattern) {
        boolean emptyOk = queryPattern.chars().allMatch(c -> c == '*');
        return globRegex(pathPattern, "[^?]") + "(?:\\?" + globRegex(queryPattern, ".") + (emptyOk ? "|)" : ")");
    }

    /** '*' is any run of {@code one}, '?' one {@code one}, {@code \?} a literal '?', anything else itself. */
    static String globRegex(String glob, String one) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length() && glob.charAt(i + 1) == '?') {
                sb.append("\\?");
                i++;
            } else if (c == '*') {
                sb.append(one).append('*');
            } else if (c == '?') {
                sb.append(one);
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    // ---- IpRange ------------------------------------------------------------------------------------------

    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void ipRange(byte[] data) {
        String s = text(data);
        Optional<IpRange> actual = IpRange.tryParse(s);
        Reference ref = reference(s);
        check(actual.isPresent() == (ref != null), "IpRange.tryParse says " + actual.isPresent() + " for '" + s + "'");
        try {
            IpRange parsed = IpRange.parse(s);
            check(ref != null || reference(s.strip()) != null, "parse accepted what the reference refuses");
            check(parsed.cidr().equals(IpRange.tryParse(s.strip()).orElseThrow().cidr()), "parse and tryParse agree");
        } catch (SigningException e) {
            check(e.reason() == SigningException.Reason.INVALID_IP_RANGE, "parse fails with INVALID_IP_RANGE");
            check(reference(s.strip()) == null, "parse refused what the reference accepts");
        }
        if (ref == null) {
            return;
        }
        IpRange r = actual.orElseThrow();
        check(r.prefixLength() == ref.prefix, "prefix length");
        check(r.cidr().equals(s.contains("/") ? s : s + "/32"), "the CIDR text is kept as given");
        // Containment, on the network address, its neighbours, and a few addresses derived from the input.
        long mask = ref.prefix == 0 ? 0 : (0xffffffffL << (32 - ref.prefix)) & 0xffffffffL;
        long[] probes = {ref.address, ref.address & mask, (ref.address | ~mask) & 0xffffffffL,
            ((ref.address & mask) - 1) & 0xffffffffL, ((ref.address | ~mask) + 1) & 0xffffffffL, ref.address ^ 1,
            ref.address ^ 0x80000000L, data.length * 2654435761L & 0xffffffffL};
        for (long probe : probes) {
            boolean expected = (probe & mask) == (ref.address & mask);
            check(r.contains(inet(probe)) == expected, "contains(" + probe + ") for " + s);
        }
        try {
            check(!r.contains(InetAddress.getByAddress(new byte[16])), "IPv6 never matches");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    record Reference(long address, int prefix) {}

    /** a.b.c.d or a.b.c.d/n: decimal ASCII digits, no leading zeros, each part 0-255, n 0-32. */
    static Reference reference(String s) {
        String[] cidr = s.split("/", -1);
        if (cidr.length > 2) {
            return null;
        }
        String[] parts = cidr[0].split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long address = 0;
        for (String p : parts) {
            Integer v = decimal(p, 255);
            if (v == null) {
                return null;
            }
            address = address << 8 | v;
        }
        int prefix = 32;
        if (cidr.length == 2) {
            Integer v = decimal(cidr[1], 32);
            if (v == null) {
                return null;
            }
            prefix = v;
        }
        return new Reference(address, prefix);
    }

    private static Integer decimal(String p, int max) {
        if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
            return null;
        }
        for (char c : p.toCharArray()) {
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int v = Integer.parseInt(p);
        return v <= max ? v : null;
    }

    private static InetAddress inet(long ip) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (ip >> 24), (byte) (ip >> 16), (byte) (ip >> 8), (byte) ip});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String chars(FuzzedDataProvider data, String alphabet, int max) {
        int n = data.consumeInt(0, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(data.consumeInt(0, alphabet.length() - 1)));
        }
        return sb.toString();
    }

    private static String pick(FuzzedDataProvider data, String... options) {
        return options[data.consumeInt(0, options.length - 1)];
    }
}
