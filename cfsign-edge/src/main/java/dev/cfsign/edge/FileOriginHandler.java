package dev.cfsign.edge;

import dev.cfsign.media.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves regular files below a root folder, like an S3 origin: GET and HEAD, byte ranges (206/416), ETag and
 * Last-Modified with 304, Content-Type by extension — Jetty's {@link ResourceService} does the HTTP part — and
 * nothing else: no directory listings, no redirects to {@code dir/}, no index files.
 *
 * <p>The file is chosen from the request's {@link RequestTarget} (ambiguous paths never get here: 400), not from
 * Jetty's canonical path, and {@link #locate} names it by its real path below the root, so that a symbolic link cannot lend a
 * protected file another path: {@link SignedAccessHandler} authorizes both. The decoded path must have no empty,
 * {@code .} or {@code ..} segment, no backslash and no NUL, and its real path (symbolic links resolved) must be a
 * regular file inside the root's real path. Anything else is 404. Only that resolved file is handed to
 * {@link ResourceService}.
 */
final class FileOriginHandler extends OriginHandler {
    private final Path realRoot;
    private final ResourceService files = new ResourceService();
    private final MimeTypes mimeTypes = new MimeTypes();
    private final boolean hideMissingObjects;

    FileOriginHandler(Path root) {
        this(root, false);
    }

    FileOriginHandler(Path root, boolean hideMissingObjects) {
        this.hideMissingObjects = hideMissingObjects;
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("The root folder " + root + " cannot be read", e);
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("The root " + root + " is not a folder");
        }
        files.setDirAllowed(false);
        files.setAcceptRanges(true);
        files.setEtags(true);
        files.setPrecompressedFormats(List.of());
        addBean(files);
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
        Path file;
        try {
            file = RequestTarget.of(request, this).file();
        } catch (RequestPath.Refused e) {
            Response.writeError(request, response, callback, 400);
            return true;
        }
        if (file == null) {
            S3Errors.missingObject(response, callback, hideMissingObjects);
            return true;
        }
        String name = file.getFileName().toString();
        String type = MediaTypes.forPath(name).orElseGet(() -> mimeTypes.getMimeByExtension(name));
        files.doGet(request, response, callback,
                new ResourceHttpContent(ResourceFactory.root().newResource(file), type));
        return true;
    }

    @Override
    RequestTarget locate(RequestPath path) {
        Path file = resolve(path.decoded());
        if (file == null) {
            return RequestTarget.itself(path);
        }
        StringBuilder real = new StringBuilder();
        for (Path name : realRoot.relativize(file)) {
            real.append('/').append(name);
        }
        if (real.toString().equals(path.decoded())) {
            return new RequestTarget(path, path, file);
        }
        try {
            return new RequestTarget(path, RequestPath.ofDecoded(real.toString()), file);
        } catch (RequestPath.Refused e) {
            return RequestTarget.itself(path); // a link to a name no request could ask for: not found
        }
    }

    @Override
    String allowedMethods() {
        return "GET, HEAD";
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
