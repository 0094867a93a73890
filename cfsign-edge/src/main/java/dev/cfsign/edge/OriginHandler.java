package dev.cfsign.edge;

import org.eclipse.jetty.server.Handler;

/** The handler that sends the bytes (a folder or a proxied origin), and the one that says which bytes a path names. */
abstract class OriginHandler extends Handler.Abstract {
    /** The target of {@code path} at this origin: what would be served, so that it can be authorized first. */
    abstract RequestTarget locate(RequestPath path);

    /** The methods this origin answers, for {@code OPTIONS *}. */
    abstract String allowedMethods();
}
