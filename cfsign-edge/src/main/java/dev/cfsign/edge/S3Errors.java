package dev.cfsign.edge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A missing object answered as S3 behind CloudFront answers it: {@code 404 NoSuchKey}, or, for a bucket that hides
 * which keys exist (origin access control without {@code s3:ListBucket}), {@code 403 AccessDenied}; XML, with
 * CloudFront's {@code X-Cache: Error from cloudfront}. The key is not echoed.
 */
final class S3Errors {
    private S3Errors() {}

    static void missingObject(Response response, Callback callback, boolean hideMissingObjects) {
        String code = hideMissingObjects ? "AccessDenied" : "NoSuchKey";
        String message = hideMissingObjects ? "Access Denied" : "The specified key does not exist.";
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(hideMissingObjects ? 403 : 404);
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/xml");
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        h.put("X-Cache", "Error from cloudfront");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
