package org.ferryftp.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateDumpJsonTest {

    @Test
    void writesEveryPartOfTheDumpUnderItsName() throws Exception {
        StateDump.PaneInfo left = new StateDump.PaneInfo("ferry@127.0.0.2:2121", "quick:ferry@127.0.0.2:2121",
                "/wt", true, false, null, "This folder is empty", 20, List.of("a \"quoted\" name"),
                List.of(new StateDump.RowInfo("a \"quoted\" name", false, true, "newer", 10, 20)), List.of("/", "/wt"));
        StateDump.Dump dump = new StateDump.Dump(0, List.of(new StateDump.WindowInfo("Ferry", "Stage", true, true,
                0, 0, 1400, 860, List.of(new StateDump.ControlInfo("quick-host", "TextField", "127.0.0.1", 5, 6, 7,
                8, false, null)))), List.of("Overwrite?"), left, left, "Ready", "Queue idle",
                List.of(new StateDump.QueueItem(3, "DONE", "UPLOAD", "/tmp/a", "quick:x:/a", "Done", null, null, 5, 5, -1, -1)),
                List.of(new StateDump.SplitInfo("panes", null, false, List.of(0.5), List.of(new StateDump.Point(700, 400)))))
                .numbered(7);

        JsonNode json = new ObjectMapper().readTree(StateDumpJson.write(dump));

        assertEquals(7, json.get("seq").asLong());
        assertEquals("Overwrite?", json.get("dialogs").get(0).asText());
        assertEquals("/wt", json.get("left").get("path").asText());
        assertTrue(json.get("left").get("active").asBoolean());
        assertEquals(20, json.get("left").get("rowsShown").asInt());
        assertEquals("a \"quoted\" name", json.get("left").get("selected").get(0).asText());
        assertEquals(20, json.get("right").get("rows").get(0).get("y").asInt());
        assertEquals("newer", json.get("right").get("rows").get(0).get("mark").asText(), "the comparison mark");
        assertEquals("127.0.0.1", json.get("windows").get(0).get("controls").get(0).get("text").asText());
        assertEquals("Done", json.get("queue").get(0).get("state").asText());
        assertTrue(json.get("left").get("error").isNull());
        assertEquals(400, json.get("splits").get(0).get("dividers").get(0).get("y").asInt());
    }
}
