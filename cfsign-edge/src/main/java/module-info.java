/**
 * A local CloudFront-compatible edge server on Jetty 12: {@link dev.cfsign.edge.EdgeServer}.
 */
module dev.cfsign.edge {
    // Transitive: EdgeConfig takes core's keys, and SignedAccessHandler is a Jetty Handler.
    requires transitive dev.cfsign;
    requires transitive org.eclipse.jetty.server;
    // Manifest signing and media types; internal only, so not transitive.
    requires dev.cfsign.media;
    // The reverse-proxy origin.
    requires java.net.http;

    exports dev.cfsign.edge;
}
