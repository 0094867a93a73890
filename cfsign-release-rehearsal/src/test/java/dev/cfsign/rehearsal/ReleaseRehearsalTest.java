package dev.cfsign.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release, rehearsed: the published modules were deployed by this very build (each module's verify phase) to a
 * file repository, and a new user's project is built against that repository alone from the README's "Install"
 * blocks, verbatim, then run on the module path.
 */
class ReleaseRehearsalTest {
    static final Path REPOSITORY = Path.of(System.getProperty("rehearsal.repository"));
    static final String VERSION = System.getProperty("rehearsal.version");

    @BeforeEach
    void deployedByThisBuild() {
        assumeFalse(System.getProperty("rehearsal.mode").equals("offline=true"),
                "Maven deploys nothing offline, so the release rehearsal needs a build without -o");
    }

    @Test
    void publishedModules_carryWhatARepositoryManagerRequires() throws IOException {
        Install install = Install.fromReadme();
        assertThat(install.artifactIds()).as("README Install: Maven blocks").contains("cfsign-core", "cfsign-media",
                "cfsign-edge");
        List<String> published = new ArrayList<>(install.artifactIds());
        // Published too, with their dependency blocks in their own README sections (the consumer needs no Spring).
        published.addAll(List.of("cfsign-cli", "cfsign-spring-boot-starter", "cfsign-junit"));
        for (String artifactId : published) {
            Path pom = RehearsalRepository.file(artifactId, null, "pom");
            assertThat(Files.readString(pom)).as(artifactId + " POM").contains("<name>", "<description>");
            for (String classifier : new String[] {null, "sources", "javadoc"}) {
                assertThat(RehearsalRepository.file(artifactId, classifier, "jar")).as(artifactId + " " + classifier)
                        .isNotEmptyFile();
            }
        }
        // What every module inherits; a repository manager checks the effective POM.
        String parent = Files.readString(RehearsalRepository.file("cfsign-parent", null, "pom"));
        assertThat(parent).contains("<url>", "<licenses>", "<name>Apache-2.0</name>", "<developers>", "<scm ",
                "<connection>scm:git:", "<project.build.outputTimestamp>");
        assertThat(REPOSITORY.resolve("dev/cfsign/cfsign-bench")).as("never published").doesNotExist();
        assertThat(REPOSITORY.resolve("dev/cfsign/cfsign-release-rehearsal")).as("never published").doesNotExist();
    }

    @Test
    void readmeGradleBlock_namesTheSameCoordinatesAsTheMavenBlocks() throws IOException {
        Install install = Install.fromReadme();
        List<String> gradle = new ArrayList<>();
        Matcher m = Pattern.compile("'dev\\.cfsign:([a-z-]+):([^']+)'").matcher(install.gradle());
        while (m.find()) {
            assertThat(m.group(2)).as("Gradle version of " + m.group(1)).isEqualTo(VERSION);
            gradle.add(m.group(1));
        }
        assertThat(gradle).containsExactlyInAnyOrderElementsOf(install.artifactIds());
    }

    @Test
    void consumerProject_buildsFromTheReadmeAlone_andRunsOnTheModulePath() throws Exception {
        Install install = Install.fromReadme();
        Path project = ConsumerProject.create(install);
        ConsumerProject.Result build = ConsumerProject.mavenPackage(project);
        assertThat(build.exitCode()).as("consumer build:\n" + build.output()).isZero();
        // cfsign came from the rehearsal repository, not from a local install.
        for (String artifactId : install.artifactIds()) {
            Path origin = project.resolve("m2/dev/cfsign/" + artifactId + "/" + VERSION + "/_remote.repositories");
            assertThat(origin).as(artifactId + " resolved remotely").exists();
            assertThat(Files.readString(origin)).contains(">rehearsal=");
        }

        // As documented: the module path and -m, no --add-modules.
        String module = install.moduleName();
        ConsumerProject.Result run = ConsumerProject.java(project, List.of(
                "--module-path", project.resolve("target/modules").toString(), "-m", module + "/com.example.app.App"));
        assertThat(run.exitCode()).as("java -m:\n" + run.output()).isZero();
        assertThat(run.output())
                .contains("signed=200 unsigned=403")
                .contains("modules=" + module + ",dev.cfsign.edge,dev.cfsign,org.eclipse.jetty.server");
    }

    @Test
    void publishedCli_runs_andItsNoticeNamesEverythingItBundles() throws Exception {
        Path jar = RehearsalRepository.file("cfsign-cli", null, "jar");
        // Where each bundled project's classes live, and the name the NOTICE gives it.
        Map<String, String> attribution = Map.of(
                "picocli/", "picocli (info.picocli:picocli)",
                "org/eclipse/jetty/", "Eclipse Jetty (org.eclipse.jetty:",
                "com/amazon/corretto/", "Amazon Corretto Crypto Provider (software.amazon.cryptools:",
                "org/slf4j/", "SLF4J (org.slf4j:");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> bundled = new TreeSet<>();
            zip.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/cfsign/"))
                    .forEach(name -> bundled.add(attribution.keySet().stream().filter(name::startsWith).findFirst()
                            .orElse(name)));
            assertThat(attribution.keySet()).as("every bundled class is attributed in NOTICE").containsAll(bundled);
            assertThat(bundled).as("the bundled projects").containsExactlyInAnyOrderElementsOf(attribution.keySet());
            assertThat(entry(zip, "META-INF/NOTICE")).contains(attribution.values());
            assertThat(entry(zip, "META-INF/LICENSE")).contains("Apache License", "Version 2.0, January 2004");
            assertThat(entry(zip, "META-INF/licenses/slf4j-LICENSE.txt")).contains("QOS.ch", "Permission is hereby granted");
        }
        // Everything is inside the jar: its published POM depends on nothing at run time.
        String pom = Files.readString(RehearsalRepository.file("cfsign-cli", null, "pom"));
        assertThat(pom.replaceAll("(?s)<dependency>((?!</dependency>).)*<scope>test</scope>((?!</dependency>).)*</dependency>", ""))
                .doesNotContain("<dependency>");

        ConsumerProject.Result version = ConsumerProject.java(jar.getParent(), List.of("-jar", jar.toString(), "--version"));
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains(VERSION);
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name + " in " + zip.getName()).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The README's "Install" section: its Maven dependency blocks, its Gradle block and its module declaration. */
    record Install(List<String> mavenBlocks, String gradle, String moduleInfo) {
        static Install fromReadme() throws IOException {
            String readme = Files.readString(Path.of(System.getProperty("rehearsal.readme")), StandardCharsets.UTF_8);
            int start = readme.indexOf("\n## Install\n");
            assertThat(start).as("README has a \"## Install\" section").isNotNegative();
            int end = readme.indexOf("\n## ", start + 1);
            String section = readme.substring(start, end < 0 ? readme.length() : end);
            List<String> xml = blocks(section, "xml");
            List<String> gradle = blocks(section, "groovy");
            List<String> modules = blocks(section, "java").stream().filter(b -> b.startsWith("module ")).toList();
            assertThat(gradle).as("one Gradle block").hasSize(1);
            assertThat(modules).as("one module declaration").hasSize(1);
            return new Install(xml, gradle.get(0), modules.get(0));
        }

        private static List<String> blocks(String text, String language) {
            List<String> blocks = new ArrayList<>();
            Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
            while (m.find()) {
                blocks.add(m.group(1));
            }
            return blocks;
        }

        List<String> artifactIds() {
            List<String> ids = new ArrayList<>();
            for (String block : mavenBlocks) {
                Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(block);
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            return ids;
        }

        String moduleName() {
            Matcher m = Pattern.compile("^module\\s+([\\w.]+)").matcher(moduleInfo);
            assertThat(m.find()).as("module name in " + moduleInfo).isTrue();
            return m.group(1);
        }
    }

    /** The newest deployed snapshot of an artifact, from the repository's maven-metadata.xml. */
    static final class RehearsalRepository {
        static Path file(String artifactId, String classifier, String extension) throws IOException {
            Path dir = REPOSITORY.resolve("dev/cfsign/" + artifactId + "/" + VERSION);
            String metadata = Files.readString(dir.resolve("maven-metadata.xml"));
            Matcher m = Pattern.compile("<snapshotVersion>(.*?)</snapshotVersion>", Pattern.DOTALL).matcher(metadata);
            while (m.find()) {
                String entry = m.group(1);
                boolean sameClassifier = classifier == null
                        ? !entry.contains("<classifier>")
                        : entry.contains("<classifier>" + classifier + "</classifier>");
                if (sameClassifier && entry.contains("<extension>" + extension + "</extension>")) {
                    String value = entry.replaceAll("(?s).*<value>([^<]+)</value>.*", "$1");
                    return dir.resolve(artifactId + "-" + value + (classifier == null ? "" : "-" + classifier)
                            + "." + extension);
                }
            }
            throw new AssertionError(artifactId + ":" + classifier + ":" + extension + " not deployed to " + dir);
        }

        private RehearsalRepository() {
        }
    }

    /** The consumer project under target/consumer, and the two processes it runs. */
    static final class ConsumerProject {
        record Result(int exitCode, String output) {
        }

        static Path create(Install install) throws IOException {
            Path template = Path.of("src/test/resources/consumer");
            Path project = Path.of(System.getProperty("rehearsal.work"));
            delete(project);
            try (Stream<Path> files = Files.walk(template)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = project.resolve(template.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            Path pom = project.resolve("pom.xml");
            Files.writeString(pom, Files.readString(pom)
                    .replace("<!--README-DEPENDENCIES-->", String.join("", install.mavenBlocks())));
            Files.writeString(project.resolve("src/main/java/module-info.java"), install.moduleInfo());
            Files.writeString(project.resolve("settings.xml"), settings());
            return project;
        }

        /**
         * The rehearsal repository for cfsign, and this build's local repository in place of Maven Central (releases
         * only, so a cfsign snapshot can only come from the rehearsal). A fresh local repository under the project.
         */
        private static String settings() {
            String central = Path.of(System.getProperty("rehearsal.local.repository")).toUri().toString();
            String rehearsal = REPOSITORY.toUri().toString();
            String repositories = "<repository><id>central</id><url>" + central + "</url>"
                    + "<snapshots><enabled>false</enabled></snapshots></repository>"
                    + "<repository><id>rehearsal</id><url>" + rehearsal + "</url>"
                    + "<snapshots><enabled>true</enabled></snapshots></repository>";
            return "<settings><profiles><profile><id>rehearsal</id>"
                    + "<repositories>" + repositories + "</repositories>"
                    + "<pluginRepositories>" + repositories.replace("repository>", "pluginRepository>")
                    + "</pluginRepositories></profile></profiles>"
                    + "<activeProfiles><activeProfile>rehearsal</activeProfile></activeProfiles></settings>";
        }

        static Result mavenPackage(Path project) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("rehearsal.maven.home"), "bin", "mvn").toString(),
                    "-B", "-q", "-s", "settings.xml", "-Dmaven.repo.local=m2", "-DskipTests"));
            for (String plugin : new String[] {"compiler", "resources", "jar", "dependency"}) {
                String property = plugin + "-plugin.version";
                command.add("-D" + property + "=" + System.getProperty(property));
            }
            command.add("-Dsurefire.version=" + System.getProperty("surefire.version"));
            command.add("package");
            return process(project, command);
        }

        static Result java(Path project, List<String> javaArguments) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaArguments);
            return process(project, command);
        }

        private static Result process(Path directory, List<String> command) throws Exception {
            Path log = Files.createTempFile("rehearsal", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out: " + command + "\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        }

        private static void delete(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }

        private ConsumerProject() {
        }
    }
}
