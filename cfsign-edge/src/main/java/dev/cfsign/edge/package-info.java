/**
 * A local CloudFront-compatible edge server: serves a folder or proxies an origin and enforces CloudFront signed URLs
 * and cookies, answering denials with CloudFront's own XML bodies. Start one with
 * {@link dev.cfsign.edge.EdgeServer#start(dev.cfsign.edge.EdgeConfig)}.
 */
package dev.cfsign.edge;
