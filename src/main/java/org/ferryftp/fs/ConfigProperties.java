package org.ferryftp.fs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@code .properties} config file that is read line by line and changed under its {@link ConfigLock}: a damaged
 * line (not text, a bad escape, or an entry the file's {@link Check} refuses) costs only that line. The file is then
 * kept aside with a timestamp ({@link ConfigLock#keepAside}, once per damage), the caller gets a message naming both
 * paths, and the next change writes the good entries. Reading never writes the file. Every change re-reads the file
 * inside the lock, so another process's entries survive.
 */
public final class ConfigProperties {

    /** Ferry's settings files hold a few KiB; this bound keeps a damaged or hostile one from exhausting the heap. */
    static final int MAX_BYTES = 16 << 20;

    /** Says why an entry is not valid in this file, or returns null when it is. */
    @FunctionalInterface
    public interface Check {
        String problem(String key, String value);

        Check ANY = (key, value) -> null;
    }

    /** A change to the entries as the file holds them now. */
    @FunctionalInterface
    public interface Change {
        void apply(Map<String, String> entries) throws IOException;
    }

    /** The entries in file order, and for the user, what was wrong with the file (kept aside). */
    public record Read(Map<String, String> entries, Optional<String> problem) {
    }

    /** One damaged line: its number (from 1) and why. */
    record Damage(int line, String why) {
    }

    /** What a file's text holds: its good entries and its damaged lines. */
    record Parsed(Map<String, String> entries, List<Damage> damaged) {
    }

    private final Path file;
    private final String what;
    private final String comment;
    private final Check check;
    private final Clock clock;

    /**
     * @param what    names the file in messages, e.g. "the trusted certificates"
     * @param comment the first line of the file when it is written
     */
    public ConfigProperties(Path file, String what, String comment, Check check, Clock clock) {
        this.file = file;
        this.what = what;
        this.comment = comment;
        this.check = check;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The entries as the file holds them now (none when it does not exist). */
    public Read read() throws IOException {
        if (!Files.exists(file)) {
            return new Read(Map.of(), Optional.empty());
        }
        try (ConfigLock.Held held = ConfigLock.acquire(file)) {
            return readLocked().read();
        }
    }

    /**
     * Re-reads the file, applies {@code change} to its entries and writes them atomically, all under the lock.
     *
     * @return the entries as written, and any problem found while reading
     * @throws IOException when the file is damaged and could not be kept aside (it is then left as it is)
     */
    public Read update(Change change) throws IOException {
        try (ConfigLock.Held held = ConfigLock.acquire(file)) {
            Found found = readLocked();
            if (!found.mayRewrite()) {
                throw new IOException(found.read().problem().orElseThrow());
            }
            Read now = found.read();
            Map<String, String> entries = new LinkedHashMap<>(now.entries());
            change.apply(entries);
            if (!entries.equals(now.entries()) || now.problem().isPresent() || !Files.exists(file)) {
                AtomicFiles.replace(file, text(entries));
            }
            return new Read(Collections.unmodifiableMap(entries), now.problem());
        }
    }

    /** What the file holds; {@code mayRewrite} is false when it has damaged lines that could not be kept aside. */
    private record Found(Read read, boolean mayRewrite) {
    }

    private Found readLocked() throws IOException {
        byte[] bytes;
        try {
            bytes = AtomicFiles.readAtMost(file, MAX_BYTES, "a settings file");
        } catch (NoSuchFileException e) {
            return new Found(new Read(Map.of(), Optional.empty()), true);
        }
        Parsed parsed = parse(bytes, check);
        if (parsed.damaged().isEmpty()) {
            return new Found(new Read(Collections.unmodifiableMap(parsed.entries()), Optional.empty()), true);
        }
        Damage firstBad = parsed.damaged().get(0);
        String lines = parsed.damaged().size() + " damaged line" + (parsed.damaged().size() == 1 ? "" : "s")
                + " (line " + firstBad.line() + ": " + firstBad.why() + ")";
        int good = parsed.entries().size();
        try {
            Path aside = ConfigLock.keepAside(file, clock);
            return new Found(new Read(Collections.unmodifiableMap(parsed.entries()), Optional.of(what + " in " + file
                    + " has " + lines + "; a copy of the file is kept as " + aside + ", and its " + good + " good entr"
                    + (good == 1 ? "y is" : "ies are") + " used")), true);
        } catch (IOException e) {
            return new Found(new Read(Collections.unmodifiableMap(parsed.entries()), Optional.of(what + " in " + file + " has " + lines
                    + " and could not be kept aside (" + e.getMessage() + "); the file is left as it is")), false);
        }
    }

    private byte[] text(Map<String, String> entries) throws IOException {
        Properties p = new Properties();
        p.putAll(entries);
        StringWriter out = new StringWriter();
        p.store(out, comment);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Splits UTF-8 text into logical lines as {@link Properties#load} does, and loads each one on its own. */
    static Parsed parse(byte[] bytes, Check check) {
        String text = decode(bytes);
        String[] natural = text.split("\r\n|\r|\n", -1);
        Map<String, String> entries = new LinkedHashMap<>();
        List<Damage> damaged = new ArrayList<>();
        for (int i = 0; i < natural.length; i++) {
            int first = i;
            String stripped = natural[i].stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder(natural[i]);
            while (continues(natural[i]) && i + 1 < natural.length) {
                logical.append('\n').append(natural[++i]);
            }
            String line = logical.toString();
            if (line.chars().anyMatch(c -> c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\f' && c != '\n'))) {
                damaged.add(new Damage(first + 1, "not text"));
                continue;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(line));
            } catch (IOException | IllegalArgumentException e) {
                damaged.add(new Damage(first + 1, String.valueOf(e.getMessage())));
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                String value = one.getProperty(key);
                String problem = check.problem(key, value);
                if (problem != null) {
                    damaged.add(new Damage(first + 1, problem));
                } else {
                    entries.put(key, value);
                }
            }
        }
        return new Parsed(entries, damaged);
    }

    /** True when the line ends in an odd number of backslashes, which joins the next line to it. */
    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** UTF-8 with each malformed sequence as U+FFFD, so one damaged line cannot hide the others. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
