package dev.cfsign.edge;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Request;

/**
 * What a request names, computed once per request and kept as a request attribute: the path it asked for, the path
 * whose bytes the origin would send (the file's real path below the root, symbolic links followed; the same path for a
 * proxy) and, for a folder, that file. {@link SignedAccessHandler} authorizes every path in {@link #paths()}, and the
 * origin serves exactly {@link #served()} — from this one value, so the two cannot drift apart.
 *
 * @param requested the request's path
 * @param served the path whose bytes are sent or forwarded
 * @param file the regular file to send (folder origin), or null (not found, or a proxy origin)
 */
record RequestTarget(RequestPath requested, RequestPath served, Path file) {
    static final String ATTRIBUTE = RequestTarget.class.getName();

    RequestTarget {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(served, "served");
    }

    /** A target whose bytes are those of the requested path itself. */
    static RequestTarget itself(RequestPath path) {
        return new RequestTarget(path, path, null);
    }

    /** The paths to authorize: the requested one and, when a link leads elsewhere, the served one. */
    List<RequestPath> paths() {
        return served.decoded().equals(requested.decoded()) ? List.of(requested) : List.of(requested, served);
    }

    /**
     * The request's target, read on first use and then kept on the request.
     *
     * @param origin the origin that will serve it, or null when none is known (the path then serves itself)
     * @throws RequestPath.Refused when the raw path is ambiguous (answer 400)
     */
    static RequestTarget of(Request request, OriginHandler origin) throws RequestPath.Refused {
        if (request.getAttribute(ATTRIBUTE) instanceof RequestTarget known) {
            return known;
        }
        RequestPath path = RequestPath.read(request.getHttpURI().getPath());
        RequestTarget target = origin == null ? itself(path) : origin.locate(path);
        request.setAttribute(ATTRIBUTE, target);
        return target;
    }
}
