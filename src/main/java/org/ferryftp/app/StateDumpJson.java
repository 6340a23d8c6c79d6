package org.ferryftp.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;

/** Writes the {@link StateDump} as JSON; the only place it meets Jackson, which loads only when a dump is asked for. */
final class StateDumpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateDumpJson() {
    }

    static String write(StateDump.Dump dump) {
        try {
            return MAPPER.writeValueAsString(dump);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
