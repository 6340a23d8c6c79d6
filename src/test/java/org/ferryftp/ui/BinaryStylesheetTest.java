package org.ferryftp.ui;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.ferryftp.ui.queue.QueueStyles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Ferry's stylesheets ship as binary CSS too (issue 18, cold start): JavaFX loads the {@code .bss} beside a
 * {@code .css} it is asked for instead of parsing the text. The build generates it (pom.xml, Css2Bin); this
 * checks that it is there and holds the same rules as the {@code .css}, so a stale or missing one fails here
 * rather than showing a differently styled window.
 */
class BinaryStylesheetTest {

    @ParameterizedTest
    @ValueSource(strings = {Styles.STYLESHEET, QueueStyles.STYLESHEET})
    void theBinaryStylesheetHoldsTheSameRulesAsTheText(String css) throws IOException {
        URL text = BinaryStylesheetTest.class.getResource(css);
        URL binary = BinaryStylesheetTest.class.getResource(css.replaceFirst("\\.css$", ".bss"));
        assertNotNull(text, css);
        assertNotNull(binary, "no binary stylesheet beside " + css + " (the build's Css2Bin step)");

        List<String> parsed = rules(new CssParser().parse(text));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));

        assertFalse(parsed.isEmpty(), css);
        assertEquals(parsed, loaded);
    }

    private static List<String> rules(Stylesheet sheet) {
        // A loaded rule decodes its declarations on first use; Rule.toString does not, so it shows them empty.
        return sheet.getRules().stream().map(BinaryStylesheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations();
    }
}
