import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the jar signatures (META-INF/*.SF and their .RSA/.DSA/.EC blocks) from the jars in a directory: the app
 * image's class path (pom.xml, -Ppackage). The JVM never puts classes of a signed jar into a class-data archive or an
 * ahead-of-time cache, so the signed Corretto provider's ~100 classes were read and verified from its jar at every
 * SFTP start of the installed CLI (0.73 -> 0.56 s of CPU for a 1 KiB get without them). OpenJDK does not ask a JCA
 * provider for a signature, and the uber jar of a source build has none either (the shade plugin drops them).
 * Run with the JDK's source launcher: {@code java packaging/StripJarSignature.java DIR}.
 */
public final class StripJarSignature {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java packaging/StripJarSignature.java DIR");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            if (strip(jar)) {
                System.out.println("StripJarSignature: " + jar.getFileName() + " unsigned");
            }
        }
    }

    /** Rewrites the jar without its signature files, keeping its time; false when it had none. */
    private static boolean strip(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
                return false;
            }
            Path part = jar.resolveSibling(jar.getFileName() + ".part");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(part))) {
                for (ZipEntry e : zip.stream().toList()) {
                    if (SIGNATURE.matcher(e.getName()).matches()) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    zip.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
            FileTime time = Files.getLastModifiedTime(jar);
            Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(jar, time);
            return true;
        }
    }
}
