package dev.cfsign.junit;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.edge.EdgeConfig;
import dev.cfsign.edge.EdgeServer;
import dev.cfsign.keys.KeyType;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a local CloudFront edge for a test: a temporary folder, a generated key the edge trusts, and a matching
 * {@link CloudFrontSigner}. Test and lifecycle methods (and constructors) receive them as parameters of type
 * {@link LocalEdge}, {@link EdgeServer}, {@link CloudFrontSigner} or {@code @}{@link EdgeRoot} {@link Path}.
 *
 * <pre>{@code
 * @ExtendWith(LocalEdgeExtension.class)            // one edge for the test class
 * class ReportLinksTest {
 *     @Test
 *     void served(LocalEdge edge) throws Exception {
 *         Files.writeString(edge.root().resolve("report.pdf"), "%PDF…");
 *         String url = edge.signer().signObject("report.pdf", Duration.ofMinutes(5)).url();  // GET url -> 200
 *     }
 * }
 *
 * @RegisterExtension                                  // or: a fresh edge for each test method
 * static LocalEdgeExtension edge = LocalEdgeExtension.perMethod();
 * }</pre>
 *
 * <p>The edge starts when a test first asks for it and stops (its folder deleted) when the class, or with
 * {@link #perMethod()} the test method, is done. The extension holds no state of its own: edges live in JUnit's
 * extension store of their class or method, so it is safe under parallel execution (per-class edges are shared by that
 * class's methods and are themselves thread-safe). Needs JUnit 5.13 or later.
 *
 * @since 0.1
 */
public final class LocalEdgeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalEdgeExtension.class);

    private final boolean perMethod;
    private final KeyType keyType;
    private final Consumer<EdgeConfig.Builder> customizer;

    /** One edge per test class, with an ECDSA P-256 key: what {@code @ExtendWith(LocalEdgeExtension.class)} gives. */
    public LocalEdgeExtension() {
        this(false, KeyType.EC_P256, config -> { });
    }

    private LocalEdgeExtension(boolean perMethod, KeyType keyType, Consumer<EdgeConfig.Builder> customizer) {
        this.perMethod = perMethod;
        this.keyType = keyType;
        this.customizer = customizer;
    }

    /** One edge per test class (the default). */
    public static LocalEdgeExtension perClass() {
        return new LocalEdgeExtension();
    }

    /** A fresh edge, key and folder for each test method. */
    public static LocalEdgeExtension perMethod() {
        return new LocalEdgeExtension(true, KeyType.EC_P256, config -> { });
    }

    /** The same, signing with a key of this type (e.g. {@link KeyType#RSA_2048}). */
    public LocalEdgeExtension withKeyType(KeyType type) {
        return new LocalEdgeExtension(perMethod, Objects.requireNonNull(type, "type"), customizer);
    }

    /**
     * The same, with more edge configuration applied after the folder and trusted key are set, e.g.
     * {@code config -> config.publicPath("/public/*")}.
     */
    public LocalEdgeExtension configure(Consumer<EdgeConfig.Builder> more) {
        Objects.requireNonNull(more, "more");
        return new LocalEdgeExtension(perMethod, keyType, customizer.andThen(more));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalEdge.class || type == EdgeServer.class || type == CloudFrontSigner.class
                || (type == Path.class && parameter.isAnnotated(EdgeRoot.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalEdge edge = edge(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == EdgeServer.class) {
            return edge.server();
        }
        if (type == CloudFrontSigner.class) {
            return edge.signer();
        }
        return type == Path.class ? edge.root() : edge;
    }

    /** The edge of this test method (per method) or of the nearest test class; started on first use. */
    private LocalEdge edge(ExtensionContext context) {
        ExtensionContext owner = context;
        if (!perMethod || owner.getTestMethod().isEmpty()) {
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
            if (perMethod) {
                throw new ParameterResolutionException("LocalEdgeExtension.perMethod() starts an edge per test method:"
                        + " ask for it in a @Test, @BeforeEach or @AfterEach method, or use perClass() for @BeforeAll"
                        + " and constructors.");
            }
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> LocalEdge.start(keyType, customizer),
                LocalEdge.class);
    }

    @Override
    public String toString() {
        return "LocalEdgeExtension[" + (perMethod ? "per method" : "per class") + ", " + keyType.displayName() + "]";
    }
}
