package dev.cfsign.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves regular files below a root folder, like an S3 origin: GET and HEAD, byte ranges (206/416), ETag and
 * Last-Modified with 304, Content-Type by extension — Jetty's {@link ResourceHandler} does the HTTP part — and
 * nothing else: no directory listings, no redirects to {@code dir/}, no index files.
 *
 * <p>Jetty's URI compliance already refuses {@code ..} segments, encoded dots and encoded slashes with 400. This
 * handler checks again before anything is read, because {@link ResourceHandler} on its own follows symbolic links
 * out of the root: the decoded path must have no empty, {@code .} or {@code ..} segment, no backslash and no NUL,
 * and its real path (symbolic links resolved) must be a regular file inside the root's real path. Anything else is
 * 404.
 */
final class FileOriginHandler extends Handler.Wrapper {
    private final Path realRoot;

    FileOriginHandler(Path root) {
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("The root folder " + root + " cannot be read", e);
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("The root " + root + " is not a folder");
        }
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.root().newResource(realRoot));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of());
        files.setAcceptRanges(true);
        files.setEtags(true);
        files.setUseFileMapping(false);
        setHandler(files);
    }

    Path realRoot() {
        return realRoot;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, 405);
            return true;
        }
        if (resolve(Request.getPathInContext(request)) == null) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        if (!super.handle(request, response, callback)) {
            Response.writeError(request, response, callback, 404);
        }
        return true;
    }

    /** The regular file inside the root that {@code decodedPath} names, or null. */
    Path resolve(String decodedPath) {
        if (decodedPath == null || !decodedPath.startsWith("/") || decodedPath.indexOf('\\') >= 0
                || decodedPath.indexOf('\0') >= 0) {
            return null;
        }
        String rel = decodedPath.substring(1);
        if (rel.isEmpty()) {
            return null;
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        try {
            Path candidate = realRoot.resolve(rel).normalize();
            if (!candidate.startsWith(realRoot)) {
                return null;
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                return null;
            }
            return real;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
