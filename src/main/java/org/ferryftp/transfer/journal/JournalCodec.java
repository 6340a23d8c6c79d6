package org.ferryftp.transfer.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.OwnTarget;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines encoding of {@link JournalRecord}s, on Jackson's streaming core rather than data binding:
 * the format stays explicit here, independent of class names, and start-up pays for jackson-core
 * only (measured ~0.1 s to first use, against ~0.35 s for an ObjectMapper). Only this class touches
 * Jackson, so it loads only when a journal is used.
 *
 * <p>Encoding reuses one generator over one buffer (a generator per record was a fifth of the journal
 * writer's CPU in a 10,000-file upload), so an instance encodes on one thread at a time: the journal's
 * writer, or a test.
 */
final class JournalCodec {

    static final int VERSION = 1;

    private final JsonFactory json = new JsonFactory();
    private final LineBuffer line = new LineBuffer();
    private JsonGenerator generator;

    /** Thrown for a line that is not a record this version understands. */
    static final class BadRecordException extends Exception {
        BadRecordException(String message) {
            super(message);
        }
    }

    String encode(JournalRecord r) {
        line.text.setLength(0);
        try {
            JsonGenerator g = generator();
            g.writeStartObject();
            if (r instanceof JournalRecord.Header h) {
                g.writeStringField("t", "journal");
                g.writeNumberField("v", h.version());
            } else if (r instanceof JournalRecord.Added a) {
                g.writeStringField("t", "add");
                g.writeNumberField("id", a.id());
                g.writeNumberField("parent", a.parentId());
                g.writeBooleanField("directory", a.directory());
                g.writeStringField("direction", a.direction().name());
                place(g, "source", a.source());
                place(g, "target", a.target());
                g.writeStringField("priority", a.priority().name());
                g.writeNumberField("size", a.size());
                state(g, a.state());
                g.writeNumberField("done", a.bytesDone());
            } else if (r instanceof JournalRecord.StateChanged s) {
                g.writeStringField("t", "state");
                g.writeNumberField("id", s.id());
                state(g, s.state());
                g.writeStringField("priority", s.priority().name());
                g.writeNumberField("done", s.bytesDone());
            } else if (r instanceof JournalRecord.Progress p) {
                g.writeStringField("t", "progress");
                g.writeNumberField("id", p.id());
                g.writeNumberField("done", p.bytesDone());
            } else if (r instanceof JournalRecord.Wrote w) {
                g.writeStringField("t", "wrote");
                g.writeNumberField("id", w.id());
                ownTarget(g, w.own());
            } else if (r instanceof JournalRecord.Removed rm) {
                g.writeStringField("t", "remove");
                g.writeArrayFieldStart("ids");
                for (long id : rm.ids()) {
                    g.writeNumber(id);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.flush();
        } catch (IOException | RuntimeException e) {
            // Whatever the generator holds of a record it did not finish must not start the next one.
            generator = null;
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write to a string", io);
            }
            throw (RuntimeException) e;
        }
        return line.text.toString();
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = json.createGenerator(line);
            // One record per call, each a whole line of its own: nothing between them.
            generator.setRootValueSeparator(null);
        }
        return generator;
    }

    /** What {@link #encode} writes into: a plain, unsynchronized character buffer. */
    private static final class LineBuffer extends Writer {
        final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static void place(JsonGenerator g, String name, JournalRecord.Place p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("site", p.siteId());
        g.writeStringField("path", p.path());
        g.writeEndObject();
    }

    private static void ownTarget(JsonGenerator g, OwnTarget o) throws IOException {
        g.writeStringField("path", o.path());
        g.writeStringField("final", o.finalPath());
        g.writeNumberField("sizeBefore", o.sizeBefore());
        millis(g, "timeBefore", o.timeBefore());
        g.writeNumberField("sourceSize", o.sourceSize());
        millis(g, "sourceTime", o.sourceTime());
        g.writeNumberField("written", o.written());
    }

    private static void millis(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, t.toEpochMilli());
        }
    }

    private static OwnTarget ownTarget(Fields o) throws BadRecordException {
        return new OwnTarget(o.text("path"), o.text("final"), o.number("sizeBefore"), o.millisOrNull("timeBefore"),
                o.number("sourceSize"), o.millisOrNull("sourceTime"), o.number("written"));
    }

    private static void state(JsonGenerator g, ItemState s) throws IOException {
        g.writeStringField("state", s.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (s instanceof ItemState.Failed f) {
            g.writeStringField("reason", f.reason());
        } else if (s instanceof ItemState.Skipped k) {
            g.writeStringField("reason", k.reason());
        }
    }

    JournalRecord decode(String line) throws BadRecordException {
        Fields o = new Fields(parse(line));
        String type = o.text("t");
        switch (type) {
            case "journal":
                return new JournalRecord.Header(o.integer("v"));
            case "add":
                return new JournalRecord.Added(o.number("id"), o.number("parent"), o.bool("directory"),
                        o.named(TransferDirection.class, "direction"), place(o.object("source")),
                        place(o.object("target")), o.named(Priority.class, "priority"), o.number("size"), state(o),
                        o.number("done"));
            case "state":
                return new JournalRecord.StateChanged(o.number("id"), state(o), o.named(Priority.class, "priority"),
                        o.number("done"));
            case "progress":
                return new JournalRecord.Progress(o.number("id"), o.number("done"));
            case "remove":
                return new JournalRecord.Removed(o.numbers("ids"));
            case "wrote":
                return new JournalRecord.Wrote(o.number("id"), ownTarget(o));
            default:
                throw new BadRecordException("unknown record type '" + type + "'");
        }
    }

    private static JournalRecord.Place place(Fields o) throws BadRecordException {
        return new JournalRecord.Place(o.textOrNull("site"), o.text("path"));
    }

    private static ItemState state(Fields o) throws BadRecordException {
        String name = o.text("state");
        switch (name) {
            case "queued":
                return ItemState.QUEUED;
            case "running":
                return ItemState.RUNNING;
            case "paused":
                return ItemState.PAUSED;
            case "done":
                return ItemState.DONE;
            case "cancelled":
                return ItemState.CANCELLED;
            case "failed":
                return new ItemState.Failed(o.text("reason"));
            case "skipped":
                return new ItemState.Skipped(o.text("reason"));
            default:
                throw new BadRecordException("unknown state '" + name + "'");
        }
    }

    /** Parses one line into maps, lists, strings, longs, doubles, booleans and nulls; exactly one object. */
    private ParsedObject parse(String line) throws BadRecordException {
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("not a JSON object");
            }
            ParsedObject root = (ParsedObject) value(p);
            // Two records run together on one line must not pass as the first of them.
            if (p.nextToken() != null) {
                throw new BadRecordException("text after the record");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from a string", e);
        }
    }

    private static Object value(JsonParser p) throws IOException, BadRecordException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                ParsedObject object = new ParsedObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.put(name, value(p));
                }
                return object;
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new BadRecordException("number out of range");
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new BadRecordException("unexpected " + t);
        }
    }

    /**
     * A JSON object as two lists in the order read: a record has a dozen fields, and a map per object was most of
     * what reading a 100,000-item journal at start allocated (issue 18). A name given twice counts as its last value,
     * as in a map.
     */
    private static final class ParsedObject {

        private final List<String> names = new ArrayList<>(12);
        private final List<Object> values = new ArrayList<>(12);

        void put(String name, Object value) {
            names.add(name);
            values.add(value);
        }

        int indexOf(String name) {
            return names.lastIndexOf(name);
        }
    }

    /** Typed access to a parsed object, with messages that say which field is wrong. */
    private record Fields(ParsedObject object) {

        private Object get(String name) throws BadRecordException {
            int at = object.indexOf(name);
            if (at < 0) {
                throw new BadRecordException("missing '" + name + "'");
            }
            return object.values.get(at);
        }

        String text(String name) throws BadRecordException {
            if (get(name) instanceof String s) {
                return s;
            }
            throw new BadRecordException("'" + name + "' is not text");
        }

        String textOrNull(String name) throws BadRecordException {
            return get(name) == null ? null : text(name);
        }

        long number(String name) throws BadRecordException {
            if (get(name) instanceof Long n) {
                return n;
            }
            throw new BadRecordException("'" + name + "' is not a whole number");
        }

        Instant millisOrNull(String name) throws BadRecordException {
            return get(name) == null ? null : Instant.ofEpochMilli(number(name));
        }

        int integer(String name) throws BadRecordException {
            long n = number(name);
            if (n != (int) n) {
                throw new BadRecordException("'" + name + "' is out of range");
            }
            return (int) n;
        }

        boolean bool(String name) throws BadRecordException {
            if (get(name) instanceof Boolean b) {
                return b;
            }
            throw new BadRecordException("'" + name + "' is not true or false");
        }

        Fields object(String name) throws BadRecordException {
            if (get(name) instanceof ParsedObject o) {
                return new Fields(o);
            }
            throw new BadRecordException("'" + name + "' is not an object");
        }

        List<Long> numbers(String name) throws BadRecordException {
            if (!(get(name) instanceof List<?> list)) {
                throw new BadRecordException("'" + name + "' is not a list");
            }
            List<Long> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Long n)) {
                    throw new BadRecordException("'" + name + "' holds something other than whole numbers");
                }
                out.add(n);
            }
            return out;
        }

        <E extends Enum<E>> E named(Class<E> type, String name) throws BadRecordException {
            String value = text(name);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new BadRecordException("unknown " + type.getSimpleName() + " '" + value + "'");
            }
        }
    }
}
