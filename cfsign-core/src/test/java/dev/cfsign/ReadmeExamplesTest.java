package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README compiles against the current API, so the README cannot drift from the
 * code. Each block becomes a method body; the few free variables the prose assumes are declared when a block uses
 * them without declaring them.
 */
class ReadmeExamplesTest {
    private static final Map<String, String> FREE_VARIABLES = Map.of(
            "signer", "CloudFrontSigner signer = null;",
            "signedUrl", "String signedUrl = \"\";",
            "failingUrl", "String failingUrl = \"\";",
            "response", "interface Response { void addHeader(String name, String value); } Response response = (n, v) -> { };");

    @Test
    void readmeJavaBlocks_compile() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            // The edge's and media's examples need their modules: each module's own README test compiles them.
            if (!m.group(1).contains("dev.cfsign.edge") && !m.group(1).contains("dev.cfsign.media")) {
                blocks.add(m.group(1));
            }
        }
        assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);

        StringBuilder src = new StringBuilder("package readme;\n");
        src.append("import dev.cfsign.*;\nimport dev.cfsign.keys.*;\nimport java.net.*;\nimport java.nio.file.*;\n")
                .append("import java.time.*;\nimport java.util.*;\n");
        StringBuilder body = new StringBuilder("class ReadmeExamples {\n");
        for (int i = 0; i < blocks.size(); i++) {
            StringBuilder method = new StringBuilder();
            for (String line : blocks.get(i).split("\n")) {
                if (line.startsWith("import ")) {
                    src.append(line).append('\n');
                } else {
                    method.append(line).append('\n');
                }
            }
            String code = method.toString();
            StringBuilder declarations = new StringBuilder();
            FREE_VARIABLES.forEach((name, decl) -> {
                boolean used = Pattern.compile("\\b" + name + "\\b").matcher(code).find();
                boolean declared = Pattern.compile("\\b[A-Z][A-Za-z.<>]*\\s+" + name + "\\s*=").matcher(code).find();
                if (used && !declared) {
                    declarations.append(decl).append('\n');
                }
            });
            body.append("void example").append(i).append("() throws Exception {\n").append(declarations).append(code).append("}\n");
        }
        body.append("}\n");
        String source = src.append(body).toString();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/ReadmeExamples.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("readme-examples");
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
            }
        }
        assertThat(errors).as("README examples must compile; generated source:\n" + source).isEmpty();
        assertThat(ok).isTrue();
    }
}
