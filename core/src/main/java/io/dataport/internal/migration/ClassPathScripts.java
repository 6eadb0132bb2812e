package io.dataport.internal.migration;

import io.dataport.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The {@code .sql} files directly in one class path location (not its subdirectories), from every directory
 * and jar of the class path that has it, read as UTF-8. A file name found twice (two jars) is refused.
 */
final class ClassPathScripts {
    /** One script: its file name, where it was found (for messages), and its text. */
    record Script(String fileName, String path, String text) {
    }

    private ClassPathScripts() {
    }

    /** The location without a {@code classpath:} prefix and without leading or trailing slashes. */
    static String normalize(String location) {
        String l = location.strip();
        if (l.startsWith("classpath:")) {
            l = l.substring("classpath:".length());
        }
        while (l.startsWith("/")) {
            l = l.substring(1);
        }
        while (l.endsWith("/")) {
            l = l.substring(0, l.length() - 1);
        }
        return l;
    }

    /** The scripts of {@code location}, by file name. */
    static List<Script> find(ClassLoader loader, String location) {
        Map<String, Script> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(location);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                for (Script s : list(root, location)) {
                    Script other = found.putIfAbsent(s.fileName(), s);
                    if (other != null && !other.path().equals(s.path())) {
                        throw new MigrationException("Migration script " + s.fileName() + " is twice on the class "
                                + "path, in " + other.path() + " and in " + s.path() + ". Keep one of them.");
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations in '" + location + "' on the class path: " + e
                    + ". Check that the directory or jar is readable.", e);
        }
        return new ArrayList<>(found.values());
    }

    private static List<Script> list(URL root, String location) throws IOException {
        List<Script> scripts = new ArrayList<>();
        switch (root.getProtocol()) {
            case "file":
                Path dir;
                try {
                    dir = Paths.get(root.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("bad URL " + root, e);
                }
                if (!Files.isDirectory(dir)) {
                    return scripts;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.sql")) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f)) {
                            scripts.add(new Script(f.getFileName().toString(), f.toString(),
                                    Files.readString(f, StandardCharsets.UTF_8)));
                        }
                    }
                }
                return scripts;
            case "jar":
                URLConnection connection = root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    String prefix = location + "/";
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        String name = e.getName();
                        if (!e.isDirectory() && name.startsWith(prefix) && name.endsWith(".sql")
                                && name.indexOf('/', prefix.length()) < 0) {
                            try (InputStream in = jar.getInputStream(e)) {
                                scripts.add(new Script(name.substring(prefix.length()), jar.getName() + "!/" + name,
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
                return scripts;
            default:
                throw new IOException("the class path entry " + root + " is neither a directory nor a jar");
        }
    }
}
