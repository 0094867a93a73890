package dev.cfsign.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The README's media examples ({@code java} blocks using {@code dev.cfsign.media}) compile against this module. */
class ReadmeStreamingExampleTest {
    @Test
    void readmeMediaBlocksCompile() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        StringBuilder imports = new StringBuilder("package readme;\nimport dev.cfsign.*;\nimport dev.cfsign.keys.*;\n"
                + "import java.nio.file.*;\nimport java.time.*;\n");
        StringBuilder body = new StringBuilder("class MediaExamples {\n");
        int n = 0;
        while (m.find()) {
            if (!m.group(1).contains("dev.cfsign.media")) {
                continue;
            }
            body.append("void example").append(n++).append("(CloudFrontSigner signer) throws Exception {\n");
            for (String line : m.group(1).split("\n")) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            body.append("}\n");
        }
        assertThat(n).as("java blocks using dev.cfsign.media in README.md").isPositive();
        String source = imports.append(body).append("}\n").toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/MediaExamples.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("readme-media");
        boolean ok = javac.getTask(null, null, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
            }
        }
        assertThat(errors).as("README media examples must compile; source:\n" + source).isEmpty();
        assertThat(ok).isTrue();
    }
}
