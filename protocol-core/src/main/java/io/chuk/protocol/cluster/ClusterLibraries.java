package io.chuk.protocol.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the cluster implementation's classes come from. The standalone jar carries it, with its
 * Redis client, as whole jars under {@value #FOLDER}, so that nothing (Weld's scan of the jar
 * included) loads them unless a cluster is configured; they are then unpacked to a temporary
 * directory and given a class loader of their own, below the server's. Elsewhere (the WAR, a
 * class path of plain jars) the implementation is on the ordinary class path.
 */
final class ClusterLibraries {

    static final String FOLDER = "META-INF/cluster-redis/";

    private ClusterLibraries() {
    }

    static ClassLoader loaderFor(ClassLoader parent) {
        List<URL> jars = unpackNested();
        return jars.isEmpty() ? parent : new URLClassLoader("chuk-cluster", jars.toArray(URL[]::new), parent);
    }

    private static List<URL> unpackNested() {
        Path archive = archive();
        List<URL> jars = new ArrayList<>();
        if (archive == null || !Files.isRegularFile(archive)) {
            return jars;
        }
        try (JarFile outer = new JarFile(archive.toFile())) {
            Path dir = null;
            for (Enumeration<JarEntry> entries = outer.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(FOLDER) && name.endsWith(".jar") && name.indexOf('/', FOLDER.length()) < 0) {
                    if (dir == null) {
                        dir = Files.createTempDirectory("chuk-cluster-");
                        dir.toFile().deleteOnExit();
                    }
                    Path jar = dir.resolve(name.substring(FOLDER.length()));
                    try (InputStream in = outer.getInputStream(entry)) {
                        Files.copy(in, jar);
                    }
                    jar.toFile().deleteOnExit();
                    jars.add(jar.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the cluster libraries of " + archive, e);
        }
        return jars;
    }

    /** The jar this class was loaded from, or null when it is not a jar (classes in a directory). */
    private static Path archive() {
        CodeSource source = ClusterLibraries.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
