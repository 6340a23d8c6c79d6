package org.ferryftp.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libraries Ferry runs with and their licences, read from the Maven POMs that the jars carry
 * ({@code META-INF/maven/<group>/<artifact>/pom.xml}): the packaged jar holds them all, a development class path
 * one per library jar. Nothing here is typed by hand; a library whose POM names no licence (it inherits one) shows
 * its project page instead.
 */
final class BundledLibraries {

    /** One library: its coordinates, version, licence names (may be empty) and project page (may be empty). */
    record Library(String group, String artifact, String version, List<String> licences, String url) {
    }

    private static final Pattern POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.xml");
    private static final Pattern LICENCE_NAME = Pattern.compile("<license>\\s*<name>\\s*([^<]+?)\\s*</name>",
            Pattern.DOTALL);

    private BundledLibraries() {
    }

    /** The libraries on {@code classPath} (entries separated by the path separator), by group and artifact. */
    static List<Library> scan(String classPath) {
        Map<String, Library> found = new TreeMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                readJar(p, found);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The libraries of this process's class path (the packaged jar, or the development class path). */
    static List<Library> ofThisProcess() {
        return scan(System.getProperty("java.class.path", ""));
    }

    private static void readJar(Path jar, Map<String, Library> found) {
        try (JarFile f = new JarFile(jar.toFile())) {
            List<Library> here = new ArrayList<>();
            Enumeration<JarEntry> entries = f.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                Matcher m = POM.matcher(e.getName());
                if (m.matches() && !m.group(2).equals("ferry")) {
                    try (InputStream in = f.getInputStream(e)) {
                        here.add(parse(m.group(1), m.group(2), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            for (Library l : here) {
                // A POM that inherits its licence: the build's list names it, resolved through the parents; else a
                // jar of one library names it in its own LICENSE file. (A shaded jar's LICENSE files overwrite each
                // other, so there it stays unnamed.)
                List<String> built = licencesOfTheBuild().getOrDefault(l.group() + ":" + l.artifact(), List.of());
                Library named = !l.licences().isEmpty() ? l
                        : !built.isEmpty() ? new Library(l.group(), l.artifact(), l.version(), built, l.url())
                        : here.size() == 1 ? withLicenceFile(l, f) : l;
                found.putIfAbsent(l.group() + ":" + l.artifact(), named);
            }
        } catch (IOException e) {
            // A jar that cannot be read adds nothing to the list; the rest still shows.
        }
    }

    private static Library withLicenceFile(Library l, JarFile f) throws IOException {
        for (String name : new String[] {"META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/LICENSE.md"}) {
            JarEntry e = f.getJarEntry(name);
            if (e != null) {
                try (InputStream in = f.getInputStream(e)) {
                    String title = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(x -> !x.isEmpty()).limit(2).reduce((a, b) -> a + ", " + b).orElse("");
                    if (!title.isEmpty()) {
                        return new Library(l.group(), l.artifact(), l.version(), List.of(title), l.url());
                    }
                }
            }
        }
        return l;
    }

    private static final String LICENCE_LIST = "/org/ferryftp/third-party-licences.txt";
    /** "     (Licence A) (Licence B) Name (group:artifact:version - url)", as license-maven-plugin writes it. */
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*((?:\\([^)]*\\)\\s*)+)(.*)\\(([^:()\\s]+):([^:()\\s]+):[^ ]+ - .*\\)\\s*$");
    private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)");

    /**
     * The licences of the libraries the build bundles, by {@code group:artifact}, as Maven resolved them through each
     * POM's parents at build time (license-maven-plugin's list in the jar); empty when the list is missing.
     */
    static Map<String, List<String>> licencesOfTheBuild() {
        try (InputStream in = BundledLibraries.class.getResourceAsStream(LICENCE_LIST)) {
            return in == null ? Map.of()
                    : readLicenceList(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return Map.of();
        }
    }

    static Map<String, List<String>> readLicenceList(List<String> lines) {
        Map<String, List<String>> byLibrary = new TreeMap<>();
        for (String line : lines) {
            Matcher m = LIST_LINE.matcher(line);
            if (m.matches()) {
                List<String> names = new ArrayList<>();
                Matcher p = PARENS.matcher(m.group(1));
                while (p.find()) {
                    names.add(p.group(1).strip());
                }
                byLibrary.put(m.group(3) + ":" + m.group(4), List.copyOf(names));
            }
        }
        return byLibrary;
    }

    static Library parse(String group, String artifact, String pom) {
        String own = pom.replaceAll("(?s)<parent>.*?</parent>", "").replaceAll("(?s)<dependencies>.*", "");
        List<String> licences = new ArrayList<>();
        Matcher l = LICENCE_NAME.matcher(pom);
        while (l.find()) {
            licences.add(l.group(1).replaceAll("\\s+", " "));
        }
        return new Library(group, artifact, tag(own, "version", tag(pom, "version", "")), licences, tag(own, "url", ""));
    }

    private static String tag(String xml, String name, String fallback) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : fallback;
    }
}
