package dev.cfsign;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * An independent reading of a policy document with the AWS SDK's JSON parser (Jackson inside), used to check what
 * cfsign writes and reads. It knows nothing of cfsign's own writer or reader.
 */
public final class PolicyOracle {
    private PolicyOracle() {}

    private static final JsonNodeParser PARSER = JsonNodeParser.create();

    /** One statement's content; absent fields are null. Epochs are the JSON number text. */
    public record Statement(String resource, String dateLessThan, String dateGreaterThan, String sourceIp) {}

    /**
     * Parses {@code json} and requires the documented shape: an object whose only field is {@code Statement}, an array
     * of exactly one object with at most {@code Resource} and {@code Condition}.
     *
     * @throws AssertionError when the document has another shape
     * @throws RuntimeException from the JSON parser when it is not JSON
     */
    public static Statement read(String json) {
        JsonNode root = PARSER.parse(json);
        Map<String, JsonNode> top = object(root, "the document");
        require(top.keySet().equals(Set.of("Statement")), "the document has exactly one field, Statement: " + top.keySet());
        JsonNode statements = top.get("Statement");
        require(statements.isArray(), "Statement is an array");
        List<JsonNode> list = statements.asArray();
        require(list.size() == 1, "exactly one statement, found " + list.size());
        Map<String, JsonNode> st = object(list.get(0), "the statement");
        require(Set.of("Resource", "Condition").containsAll(st.keySet()), "statement fields " + st.keySet());
        String resource = null;
        if (st.containsKey("Resource")) {
            require(st.get("Resource").isString(), "Resource is a string");
            resource = st.get("Resource").asString();
        }
        Map<String, JsonNode> cond = object(st.get("Condition"), "Condition");
        require(Set.of("DateLessThan", "DateGreaterThan", "IpAddress").containsAll(cond.keySet()), "conditions " + cond.keySet());
        return new Statement(resource, epoch(cond.get("DateLessThan")), epoch(cond.get("DateGreaterThan")),
                ip(cond.get("IpAddress")));
    }

    private static String epoch(JsonNode n) {
        if (n == null) {
            return null;
        }
        Map<String, JsonNode> m = object(n, "a date condition");
        require(m.keySet().equals(Set.of("AWS:EpochTime")), "a date condition holds AWS:EpochTime only");
        require(m.get("AWS:EpochTime").isNumber(), "AWS:EpochTime is a number");
        return m.get("AWS:EpochTime").asNumber();
    }

    private static String ip(JsonNode n) {
        if (n == null) {
            return null;
        }
        Map<String, JsonNode> m = object(n, "IpAddress");
        require(m.keySet().equals(Set.of("AWS:SourceIp")), "IpAddress holds AWS:SourceIp only");
        require(m.get("AWS:SourceIp").isString(), "AWS:SourceIp is a string");
        return m.get("AWS:SourceIp").asString();
    }

    private static Map<String, JsonNode> object(JsonNode n, String what) {
        require(n != null && n.isObject(), what + " is an object");
        return n.asObject();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("policy shape: " + what);
        }
    }
}
