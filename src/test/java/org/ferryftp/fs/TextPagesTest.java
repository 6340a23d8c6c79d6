package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging text files: every byte on exactly one page, whole lines, any size. */
class TextPagesTest {

    @TempDir
    Path tmp;

    @Test
    void thePagesTogetherAreTheFileWithLinesKeptWhole() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append("line ").append(i).append(" äöü ").append("x".repeat(i % 37)).append('\n');
        }
        b.append("no newline at the end");
        Path file = Files.writeString(tmp.resolve("a.txt"), b);
        TextPages pages = new TextPages(file, 1000);

        StringBuilder joined = new StringBuilder();
        for (long p = 0; p < pages.pageCount(); p++) {
            String page = pages.page(p, StandardCharsets.UTF_8);
            assertTrue(page.isEmpty() || page.startsWith("line ") || page.startsWith("no newline"), page);
            joined.append(page);
        }
        assertEquals(b.toString(), joined.toString());
    }

    @Test
    void aLineLongerThanTheOverrunIsCutButNothingIsLost() throws Exception {
        String longLine = "y".repeat(TextPages.MAX_LINE_OVERRUN * 3) + "\nend\n";
        Path file = Files.writeString(tmp.resolve("long.txt"), "start\n" + longLine);
        TextPages pages = new TextPages(file, 4096);

        StringBuilder joined = new StringBuilder();
        for (long p = 0; p < pages.pageCount(); p++) {
            joined.append(pages.page(p, StandardCharsets.UTF_8));
        }
        assertEquals("start\n" + longLine, joined.toString());
    }

    @Test
    void utf16IsPagedOnWholeCodeUnits() throws Exception {
        String text = "Grüße\n".repeat(500);
        Path file = Files.write(tmp.resolve("u16.txt"), text.getBytes(StandardCharsets.UTF_16LE));
        TextPages pages = new TextPages(file, 333);

        StringBuilder joined = new StringBuilder();
        for (long p = 0; p < pages.pageCount(); p++) {
            joined.append(pages.page(p, StandardCharsets.UTF_16LE));
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void aHugeSparseFileIsReadOnlyWhereAsked() throws Exception {
        Path file = tmp.resolve("huge.log");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // 3 GiB, sparse
            f.seek(f.length() - 10);
            f.write("\nlast one\n".getBytes(StandardCharsets.US_ASCII));
        }
        TextPages pages = new TextPages(file, TextPages.DEFAULT_PAGE_BYTES);

        assertEquals(3L * 1024 * 1024 * 1024 / TextPages.DEFAULT_PAGE_BYTES, pages.pageCount());
        assertTrue(pages.page(pages.pageCount() - 1, StandardCharsets.US_ASCII).endsWith("\nlast one\n"));
        assertThrows(IllegalArgumentException.class, () -> pages.page(pages.pageCount(), StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyFileHasOneEmptyPage() throws Exception {
        Path file = Files.createFile(tmp.resolve("empty"));
        TextPages pages = new TextPages(file, 100);
        assertEquals(1, pages.pageCount());
        assertEquals("", pages.page(0, StandardCharsets.UTF_8));
    }
}
