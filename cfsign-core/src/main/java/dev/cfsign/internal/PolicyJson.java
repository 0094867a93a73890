package dev.cfsign.internal;

/**
 * Writes CloudFront policy documents: compact JSON, fixed key order, every string escaped by the JSON rules.
 *
 * <p>The canned form is the exact byte sequence CloudFront rebuilds from a request, so it must never change. The
 * custom form follows the cross-SDK test suite's order: {@code DateLessThan}, {@code DateGreaterThan},
 * {@code IpAddress} (CloudFront ignores the order of conditions).
 */
public final class PolicyJson {
    private PolicyJson() {}

    public static String canned(String resource, long expiresEpochSeconds) {
        StringBuilder sb = new StringBuilder(resource.length() + 100);
        sb.append("{\"Statement\":[{\"Resource\":");
        string(sb, resource);
        sb.append(",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":").append(expiresEpochSeconds).append("}}}]}");
        return sb.toString();
    }

    /**
     * @param resource may be null to omit {@code Resource}
     * @param activeFromEpochSeconds may be null to omit {@code DateGreaterThan}
     * @param sourceIp may be null to omit {@code IpAddress}
     */
    public static String custom(String resource, long expiresEpochSeconds, Long activeFromEpochSeconds, String sourceIp) {
        StringBuilder sb = new StringBuilder(160 + (resource == null ? 0 : resource.length()));
        sb.append("{\"Statement\":[{");
        if (resource != null) {
            sb.append("\"Resource\":");
            string(sb, resource);
            sb.append(',');
        }
        sb.append("\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":").append(expiresEpochSeconds).append('}');
        if (activeFromEpochSeconds != null) {
            sb.append(",\"DateGreaterThan\":{\"AWS:EpochTime\":").append(activeFromEpochSeconds.longValue()).append('}');
        }
        if (sourceIp != null) {
            sb.append(",\"IpAddress\":{\"AWS:SourceIp\":");
            string(sb, sourceIp);
            sb.append('}');
        }
        sb.append("}}]}");
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string. Never emits {@code \/} or {@code \u0026}: CloudFront compares bytes. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
