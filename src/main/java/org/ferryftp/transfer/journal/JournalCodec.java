package org.ferryftp.transfer.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines encoding of {@link JournalRecord}s. Uses Jackson's tree model rather than data binding:
 * the format stays explicit here, independent of class and field names, and no reflection runs at
 * start-up. Only this class touches Jackson, so Jackson loads only when a journal is used.
 */
final class JournalCodec {

    static final int VERSION = 1;

    // Two records run together on one line must not pass as the first of them.
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Thrown for a line that is not a record this version understands. */
    static final class BadRecordException extends Exception {
        BadRecordException(String message) {
            super(message);
        }
    }

    String encode(JournalRecord r) {
        ObjectNode o = json.createObjectNode();
        if (r instanceof JournalRecord.Header h) {
            o.put("t", "journal").put("v", h.version());
        } else if (r instanceof JournalRecord.Added a) {
            o.put("t", "add").put("id", a.id()).put("parent", a.parentId()).put("directory", a.directory())
                    .put("direction", a.direction().name());
            place(o.putObject("source"), a.source());
            place(o.putObject("target"), a.target());
            o.put("priority", a.priority().name()).put("size", a.size());
            state(o, a.state());
            o.put("done", a.bytesDone());
        } else if (r instanceof JournalRecord.StateChanged s) {
            o.put("t", "state").put("id", s.id());
            state(o, s.state());
            o.put("priority", s.priority().name()).put("done", s.bytesDone());
        } else if (r instanceof JournalRecord.Progress p) {
            o.put("t", "progress").put("id", p.id()).put("done", p.bytesDone());
        } else if (r instanceof JournalRecord.Removed rm) {
            ArrayNode ids = o.put("t", "remove").putArray("ids");
            rm.ids().forEach(ids::add);
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a tree node", e);
        }
    }

    JournalRecord decode(String line) throws BadRecordException {
        JsonNode o;
        try {
            o = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("not JSON");
        }
        if (o == null || !o.isObject()) {
            throw new BadRecordException("not a JSON object");
        }
        String type = text(o, "t");
        switch (type) {
            case "journal":
                return new JournalRecord.Header(integer(o, "v"));
            case "add":
                return new JournalRecord.Added(number(o, "id"), number(o, "parent"), bool(o, "directory"),
                        named(TransferDirection.class, text(o, "direction")), place(field(o, "source")),
                        place(field(o, "target")), named(Priority.class, text(o, "priority")), number(o, "size"),
                        state(o), number(o, "done"));
            case "state":
                return new JournalRecord.StateChanged(number(o, "id"), state(o),
                        named(Priority.class, text(o, "priority")), number(o, "done"));
            case "progress":
                return new JournalRecord.Progress(number(o, "id"), number(o, "done"));
            case "remove":
                List<Long> ids = new ArrayList<>();
                for (JsonNode id : field(o, "ids")) {
                    if (!id.canConvertToLong()) {
                        throw new BadRecordException("bad id in remove");
                    }
                    ids.add(id.asLong());
                }
                return new JournalRecord.Removed(ids);
            default:
                throw new BadRecordException("unknown record type '" + type + "'");
        }
    }

    private static void place(ObjectNode o, JournalRecord.Place p) {
        o.put("site", p.siteId()).put("path", p.path());
    }

    private static JournalRecord.Place place(JsonNode o) throws BadRecordException {
        JsonNode site = field(o, "site");
        if (!site.isNull() && !site.isTextual()) {
            throw new BadRecordException("bad site");
        }
        return new JournalRecord.Place(site.isNull() ? null : site.asText(), text(o, "path"));
    }

    private static void state(ObjectNode o, ItemState s) {
        String name = s.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        o.put("state", name);
        if (s instanceof ItemState.Failed f) {
            o.put("reason", f.reason());
        } else if (s instanceof ItemState.Skipped k) {
            o.put("reason", k.reason());
        }
    }

    private static ItemState state(JsonNode o) throws BadRecordException {
        String name = text(o, "state");
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
                return new ItemState.Failed(text(o, "reason"));
            case "skipped":
                return new ItemState.Skipped(text(o, "reason"));
            default:
                throw new BadRecordException("unknown state '" + name + "'");
        }
    }

    private static JsonNode field(JsonNode o, String name) throws BadRecordException {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new BadRecordException("missing '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode o, String name) throws BadRecordException {
        JsonNode v = field(o, name);
        if (!v.isTextual()) {
            throw new BadRecordException("'" + name + "' is not text");
        }
        return v.asText();
    }

    private static long number(JsonNode o, String name) throws BadRecordException {
        JsonNode v = field(o, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadRecordException("'" + name + "' is not a whole number");
        }
        return v.asLong();
    }

    private static int integer(JsonNode o, String name) throws BadRecordException {
        long n = number(o, name);
        if (n != (int) n) {
            throw new BadRecordException("'" + name + "' is out of range");
        }
        return (int) n;
    }

    private static boolean bool(JsonNode o, String name) throws BadRecordException {
        JsonNode v = field(o, name);
        if (!v.isBoolean()) {
            throw new BadRecordException("'" + name + "' is not true or false");
        }
        return v.asBoolean();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) throws BadRecordException {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException("unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }
}
