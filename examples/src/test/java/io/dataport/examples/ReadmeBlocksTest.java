package io.dataport.examples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code java} and {@code xml} block of the repository's README.md compiles, and runs, as shown; a failure
 * names the block's README line (and, for Java, each compiler message at its README line).
 * <ul>
 * <li>A Java block that is a whole compilation unit (a {@code package} or {@code import} line, or a public
 * top-level type) is compiled as it is, in package {@code io.dataport.examples} when it has no package line: the
 * README shows {@code UserRepositoryTest} without the package line of its file, and its {@code User} is the
 * examples' {@link User}. Such a block that is a test class of this module (which the build runs) must be that
 * file, but for the package line.</li>
 * <li>Any other Java block is a snippet, compiled as the body of a method of a generated class in the same package,
 * with the imports of {@link #IMPORTS} (so {@code User} is {@link User} unless the block declares its own record,
 * which Java allows in a method, as it allows local interfaces). A snippet that compiles by itself is
 * self-contained: it is run, twice, each time in a JVM of its own in the same new working directory, and must end
 * with status 0 (and print what {@link #OUTPUT} expects of it). Any other snippet is compiled in a class that
 * extends {@link ReadmeBlocksContext}, whose fields are the names the README's snippets take as the
 * application's own ({@code db}, {@code url}, ...).</li>
 * <li>Java compiles with the build's lint options and {@code -Werror}, against the test class path, which holds
 * every Dataport module and, for the README's Flyway line, flyway-core.</li>
 * <li>An XML block is well-formed, and each {@code io.dataport} artifact it names is a module of this build, at
 * the build's version when it gives one.</li>
 * </ul>
 * The other blocks (shell commands, logs, properties, file trees) are not checked.
 */
class ReadmeBlocksTest {
    /** Where the generated classes live: the examples' own package. */
    private static final String PACKAGE = "io.dataport.examples";

    /** The imports of every snippet: Dataport's API, the JDK packages the README uses, and its few library types. */
    private static final List<String> IMPORTS = List.of("io.dataport.*", "io.dataport.mapping.*",
            "io.dataport.migration.*", "io.dataport.micrometer.DataportMeters", "io.micrometer.core.instrument.Tags",
            "java.time.*", "java.util.*", "java.util.concurrent.*", "java.util.stream.*", "org.jdbi.v3.sqlobject.statement.*",
            "org.flywaydb.core.Flyway");

    /** What a self-contained snippet prints, on each run, by the README heading it is under. */
    private static final Map<String, List<String>> OUTPUT = Map.of("Quick start", List.of("note 1 exists already"));

    /** The root pom's lint options, and a warning fails; no annotation processor runs (none does in the build). */
    private static final List<String> JAVAC_OPTIONS = List.of("-proc:none", "-Xlint:all,-classfile,-processing",
            "-Werror");

    /** A line that makes a block a compilation unit. */
    private static final Pattern UNIT = Pattern.compile("^(package|import) |^public ", Pattern.MULTILINE);
    /** A top-level type declaration: group 1, the first one's name, names the unit's file. */
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);

    @TempDir
    static Path temp;

    private static Path root;
    private static Path classes;
    private static JavaCompiler compiler;
    private static StandardJavaFileManager files;

    /** A fenced block: the README line of its opening fence, its language, the heading it is under, its lines. */
    record Block(int line, String language, String heading, List<String> lines) {
        String text() {
            return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        }

        /** The README line of the block's line {@code index} (from 0). */
        long readmeLine(long index) {
            return line + 1 + index;
        }

        @Override
        public String toString() {
            return "README.md line " + line + ", the " + language + " block under \"" + heading + "\"";
        }
    }

    @BeforeAll
    static void compiler() throws IOException {
        root = root();
        classes = Files.createDirectory(temp.resolve("classes"));
        compiler = ToolProvider.getSystemJavaCompiler();
        files = compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
        files.setLocation(StandardLocation.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(File::new).toList());
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
    }

    @AfterAll
    static void close() throws IOException {
        files.close();
    }

    @TestFactory
    Stream<DynamicTest> javaBlocksCompileAndTheSelfContainedOnesRun() throws IOException {
        return blocks("java").map(block -> DynamicTest.dynamicTest(block.toString(), () -> checkJava(block)));
    }

    @TestFactory
    Stream<DynamicTest> xmlBlocksAreWellFormedAndNameThisBuildsModules() throws Exception {
        Element pom = parse(Files.readString(root.resolve("pom.xml")));
        String version = child(pom, "version");
        Set<String> modules = new HashSet<>();
        for (Element module : children(children(pom, "modules").get(0), "module")) {
            modules.add(child(parse(Files.readString(root.resolve(module.getTextContent()).resolve("pom.xml"))),
                    "artifactId"));
        }
        return blocks("xml").map(block -> DynamicTest.dynamicTest(block.toString(),
                () -> checkXml(block, modules, version)));
    }

    private static void checkJava(Block block) throws IOException, InterruptedException {
        if (UNIT.matcher(block.text()).find()) {
            Matcher type = TYPE.matcher(block.text());
            assertThat(type.find()).as("%s: a compilation unit declares a type", block).isTrue();
            // On the block's first line, so that the lines of the source are the block's.
            String packageLine = block.lines().stream().anyMatch(l -> l.startsWith("package ")) ? ""
                    : "package " + PACKAGE + "; ";
            assertCompiles(block, type.group(1), packageLine + block.text(), 0);
            // A test class of this module shown in the README runs with the build: the two must stay the same.
            Path own = root.resolve("examples/src/test/java/io/dataport/examples").resolve(type.group(1) + ".java");
            if (Files.exists(own)) {
                assertThat(block.text()).as("%s is %s without its package line", block, root.relativize(own))
                        .isEqualTo(Files.readString(own).replaceFirst("^package [\\w.]+;\\s*", ""));
            }
            return;
        }
        String name = "ReadmeLine" + block.line();
        List<String> output = OUTPUT.get(block.heading());
        if (compile(name, snippet(block, name, false)).isEmpty()) {
            runTwice(block, name, output);
            return;
        }
        assertCompiles(block, name, snippet(block, name, true), header(name, true).lines().count());
        if (output != null) {
            fail(block + " needs a field of ReadmeBlocksContext, so it cannot run and print " + output);
        }
    }

    /**
     * The source of a snippet before the block, which is the body of {@code run()}: {@code main} runs it, and
     * {@code inContext} gives it the fields of {@link ReadmeBlocksContext}.
     */
    private static String header(String name, boolean inContext) {
        return "package " + PACKAGE + ";\n"
                + IMPORTS.stream().map(i -> "import " + i + ";\n").collect(Collectors.joining())
                + "public final class " + name + (inContext ? " extends ReadmeBlocksContext" : "") + " {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        new " + name + "().run();\n"
                + "    }\n"
                + "    void run() throws Exception {\n";
    }

    private static String snippet(Block block, String name, boolean inContext) {
        return header(name, inContext) + block.text() + "    }\n}\n";
    }

    /** Compiles a block's source, whose first {@code header} lines come before the block. */
    private static void assertCompiles(Block block, String name, String source, long header) {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(name, source);
        if (!diagnostics.isEmpty()) {
            fail(block + " does not compile:\n" + diagnostics.stream().map(d -> describe(block, header, d))
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Compiles one source into {@link #classes}: no diagnostics when it compiled, else every one. */
    private static List<Diagnostic<? extends JavaFileObject>> compile(String name, String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + PACKAGE.replace('.', '/') + "/"
                + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compiler.getTask(null, files, diagnostics, JAVAC_OPTIONS, null, List.of(file)).call();
        return compiled ? List.of() : diagnostics.getDiagnostics();
    }

    /** A compiler message at its README line, with that line. */
    private static String describe(Block block, long header, Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ENGLISH);
        long index = diagnostic.getLineNumber() - header - 1;
        if (diagnostic.getSource() == null || index < 0 || index >= block.lines().size()) {
            return message;
        }
        return "README.md line " + block.readmeLine(index) + ": " + message + "\n    "
                + block.lines().get((int) index).strip();
    }

    /**
     * Runs a compiled snippet twice in one new working directory (the README's blocks run again and again), each
     * in a JVM of its own with the test class path.
     */
    private static void runTwice(Block block, String name, List<String> output) throws IOException,
            InterruptedException {
        Path directory = Files.createDirectory(temp.resolve("run-" + name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
        for (int run = 1; run <= 2; run++) {
            Path out = temp.resolve(name + "-" + run + ".out");
            Path err = temp.resolve(name + "-" + run + ".err");
            Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    PACKAGE + "." + name).directory(directory.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s, run %d, ends within 60 s", block, run)
                        .isTrue();
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).as("%s, run %d: exit status; standard error:%n%s", block, run,
                    Files.readString(err)).isZero();
            if (output != null) {
                assertThat(Files.readAllLines(out)).as("%s, run %d: standard output", block, run)
                        .containsExactlyElementsOf(output);
            }
        }
    }

    private static void checkXml(Block block, Set<String> modules, String version) throws Exception {
        Element xml;
        try {
            xml = parse("<readme>\n" + block.text() + "</readme>");
        } catch (SAXParseException e) {
            throw new AssertionError(block + " is not well-formed XML: README.md line "
                    + block.readmeLine(e.getLineNumber() - 2) + ": " + e.getMessage(), e);
        }
        NodeList groupIds = xml.getElementsByTagName("groupId");
        for (int i = 0; i < groupIds.getLength(); i++) {
            Element artifact = (Element) groupIds.item(i).getParentNode();
            if (groupIds.item(i).getTextContent().strip().equals("io.dataport")) {
                assertThat(child(artifact, "artifactId")).as("%s: a module of this build", block).isIn(modules);
                if (child(artifact, "version") != null) {
                    assertThat(child(artifact, "version")).as("%s: the version of %s", block,
                            child(artifact, "artifactId")).isEqualTo(version);
                }
            }
        }
    }

    /** The blocks of README.md in one language. */
    private static Stream<Block> blocks(String language) throws IOException {
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            } else if (line.startsWith("```")) {
                int fence = i + 1;
                List<String> lines = new ArrayList<>();
                for (i++; i < readme.size() && !readme.get(i).startsWith("```"); i++) {
                    lines.add(readme.get(i));
                }
                assertThat(i).as("README.md line %d: the block is closed", fence).isLessThan(readme.size());
                blocks.add(new Block(fence, line.substring(3).strip(), heading, lines));
            }
        }
        List<Block> chosen = blocks.stream().filter(b -> b.language().equals(language)).toList();
        assertThat(chosen).as("README.md's %s blocks", language).isNotEmpty();
        return chosen.stream();
    }

    /** The directory of the root pom (which has {@code <modules>}) and README.md, at or above the working one. */
    private static Path root() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new AssertionError("No directory at or above " + Path.of("").toAbsolutePath()
                + " holds README.md and a pom.xml with <modules>");
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    /** The text of the child element {@code name}, or null when there is none. */
    private static String child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
