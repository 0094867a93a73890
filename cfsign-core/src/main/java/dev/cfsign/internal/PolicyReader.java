package dev.cfsign.internal;

import dev.cfsign.IpRange;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for CloudFront custom policies. It accepts exactly the documented shape and nothing else:
 *
 * <pre>{@code
 * {"Statement":[{"Resource":"...","Condition":{"DateLessThan":{"AWS:EpochTime":N},
 *   "DateGreaterThan":{"AWS:EpochTime":N},"IpAddress":{"AWS:SourceIp":"a.b.c.d/n"}}}]}
 * }</pre>
 *
 * <ul>
 *   <li>JSON whitespace between tokens is allowed (custom policies are verified over the transmitted bytes, and
 *       the AWS SDK for Java writes {@code "Statement": [}).</li>
 *   <li>{@code Statement} must be an array holding exactly one object. A bare object is refused: every SDK emits an
 *       array, the archived Developer Guide template uses an array, and no evidence was found that CloudFront takes
 *       the bare form.</li>
 *   <li>Unknown or duplicate keys anywhere are refused (a duplicate key is how JSON injection widens a policy).</li>
 *   <li>{@code DateLessThan} is required. Epochs are unquoted integers in 0..2147483647; millisecond epochs,
 *       fractions, exponents, signs and quoted numbers are refused.</li>
 *   <li>{@code AWS:SourceIp} is an IPv4 address or CIDR block ({@code /32} assumed for a bare address).</li>
 * </ul>
 *
 * Failures throw {@link MalformedPolicy} with a message that names the rule; it quotes no policy content beyond
 * field names.
 */
public final class PolicyReader {
        private static final int MAX_LENGTH = 16 * 1024;


    private PolicyReader() {}

    /** A policy that passed the structural checks; times in epoch seconds. */
    public record Parsed(String resource, long dateLessThan, Long dateGreaterThan, IpRange sourceIp,
                         String sourceIpText) {}

    /** The policy is not a CloudFront policy CloudFront would accept. */
    public static final class MalformedPolicy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Kind kind;

        /** What made it malformed, for diagnosis. */
        public enum Kind { SYNTAX, S3_BUCKET_POLICY, MILLISECOND_EPOCH, QUOTED_EPOCH, EPOCH_OUT_OF_RANGE, STRUCTURE,
            MISSING_DATE_LESS_THAN, BAD_IP }

        MalformedPolicy(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }


    public static Parsed parse(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new MalformedPolicy(MalformedPolicy.Kind.SYNTAX, "the policy is longer than " + MAX_LENGTH + " characters");
        }
        return interpret(StrictJson.parse(json));
    }

    @SuppressWarnings("unchecked")
    private static Parsed interpret(Object root) {
        if (!(root instanceof Map)) {
            throw structure("the policy must be a JSON object with a single \"Statement\" field");
        }
        Map<String, Object> top = (Map<String, Object>) root;
        if (top.containsKey("Version") || top.containsKey("Id")) {
            throw new MalformedPolicy(MalformedPolicy.Kind.S3_BUCKET_POLICY,
                    "the policy has a \"Version\"/\"Id\" field: this looks like an S3 or IAM policy, not a CloudFront one");
        }
        onlyKeys(top, "policy", "Statement");
        Object st = top.get("Statement");
        if (st == null) {
            throw structure("the policy has no \"Statement\"");
        }
        if (!(st instanceof List)) {
            throw structure("\"Statement\" must be an array holding exactly one statement object");
        }
        List<Object> list = (List<Object>) st;
        if (list.size() != 1 || !(list.get(0) instanceof Map)) {
            throw structure("\"Statement\" must hold exactly one statement object (found " + list.size() + " elements)");
        }
        Map<String, Object> stmt = (Map<String, Object>) list.get(0);
        if (stmt.containsKey("Effect") || stmt.containsKey("Principal") || stmt.containsKey("Action")
                || stmt.containsKey("Sid")) {
            throw new MalformedPolicy(MalformedPolicy.Kind.S3_BUCKET_POLICY, "the statement has \"Effect\"/\"Principal\"/"
                    + "\"Action\"/\"Sid\": this looks like an S3 bucket policy, not a CloudFront policy");
        }
        onlyKeys(stmt, "statement", "Resource", "Condition");
        String resource = null;
        if (stmt.containsKey("Resource")) {
            Object res = stmt.get("Resource");
            if (!(res instanceof String)) {
                throw structure("\"Resource\" must be a string");
            }
            resource = (String) res;
        }
        return conditions(resource, stmt.get("Condition"));
    }

    /** The statement's {@code Condition}: {@code DateLessThan} required, {@code DateGreaterThan}, {@code IpAddress}. */
    @SuppressWarnings("unchecked")
    private static Parsed conditions(String resource, Object cond) {
        if (!(cond instanceof Map)) {
            throw new MalformedPolicy(MalformedPolicy.Kind.MISSING_DATE_LESS_THAN,
                    "the statement has no \"Condition\" object; \"DateLessThan\" is required");
        }
        Map<String, Object> c = (Map<String, Object>) cond;
        onlyKeys(c, "Condition", "DateLessThan", "DateGreaterThan", "IpAddress");
        if (!c.containsKey("DateLessThan")) {
            throw new MalformedPolicy(MalformedPolicy.Kind.MISSING_DATE_LESS_THAN, "\"DateLessThan\" is required");
        }
        long lessThan = epoch(c.get("DateLessThan"), "DateLessThan");
        Long greaterThan = c.containsKey("DateGreaterThan") ? epoch(c.get("DateGreaterThan"), "DateGreaterThan") : null;
        IpRange ip = null;
        String ipText = null;
        if (c.containsKey("IpAddress")) {
            Object o = c.get("IpAddress");
            if (!(o instanceof Map)) {
                throw structure("\"IpAddress\" must be an object {\"AWS:SourceIp\":\"a.b.c.d/n\"}");
            }
            Map<String, Object> m = (Map<String, Object>) o;
            onlyKeys(m, "IpAddress", "AWS:SourceIp");
            Object v = m.get("AWS:SourceIp");
            if (!(v instanceof String)) {
                throw new MalformedPolicy(MalformedPolicy.Kind.BAD_IP, "\"AWS:SourceIp\" must be a string like \"192.0.2.0/24\"");
            }
            ipText = (String) v;
            ip = IpRange.tryParse(ipText).orElse(null);
            if (ip == null) {
                throw new MalformedPolicy(MalformedPolicy.Kind.BAD_IP,
                        "\"AWS:SourceIp\" is not an IPv4 address or CIDR block (IPv6 is not supported)");
            }
        }
        return new Parsed(resource, lessThan, greaterThan, ip, ipText);
    }

    @SuppressWarnings("unchecked")
    private static long epoch(Object o, String field) {
        if (!(o instanceof Map)) {
            throw structure("\"" + field + "\" must be an object {\"AWS:EpochTime\":<seconds>}");
        }
        Map<String, Object> m = (Map<String, Object>) o;
        onlyKeys(m, field, "AWS:EpochTime");
        Object v = m.get("AWS:EpochTime");
        if (v instanceof String) {
            throw new MalformedPolicy(MalformedPolicy.Kind.QUOTED_EPOCH,
                    "\"" + field + "\" epoch is a quoted string; it must be an unquoted integer number of seconds");
        }
        if (!(v instanceof StrictJson.Num)) {
            throw structure("\"" + field + "\" needs \"AWS:EpochTime\" with an integer number of seconds");
        }
        String t = ((StrictJson.Num) v).text();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new MalformedPolicy(MalformedPolicy.Kind.STRUCTURE,
                        "\"" + field + "\" epoch must be a non-negative integer (no sign, fraction or exponent)");
            }
        }
        if (t.length() > 10 || Long.parseLong(t) > Checks.MAX_EPOCH) {
            boolean millis = t.length() >= 12 && t.length() <= 14;
            throw new MalformedPolicy(millis ? MalformedPolicy.Kind.MILLISECOND_EPOCH : MalformedPolicy.Kind.EPOCH_OUT_OF_RANGE,
                    "\"" + field + "\" epoch is larger than 2147483647" + (millis ? " (it looks like milliseconds;"
                            + " CloudFront wants seconds)" : ""));
        }
        return Long.parseLong(t);
    }

    private static void onlyKeys(Map<String, Object> m, String where, String... allowed) {
        for (String k : m.keySet()) {
            boolean ok = false;
            for (String a : allowed) {
                if (a.equals(k)) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                throw structure("unknown field in " + where + ": " + safeName(k));
            }
        }
    }

    static String safeName(String k) {
        if (k.length() > 40) {
            return "(a " + k.length() + "-character name)";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.append('"').toString();
    }

    private static MalformedPolicy structure(String msg) {
        return new MalformedPolicy(MalformedPolicy.Kind.STRUCTURE, msg);
    }


}
