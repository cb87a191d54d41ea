package org.processlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson page names only readable files inside its own folder. */
class LessonFilesTest {
    @TempDir
    Path root;

    @Test
    void findsFilesInsideTheFolderAndRefusesEverythingElse() throws IOException {
        Path dir = Files.createDirectories(root.resolve("lesson"));
        Files.createDirectories(dir.resolve("img"));
        Files.writeString(dir.resolve("img/a.png"), "x");
        Files.writeString(root.resolve("outside.png"), "x");
        Files.createSymbolicLink(dir.resolve("out.png"), root.resolve("outside.png"));
        Files.createSymbolicLink(dir.resolve("in.png"), dir.resolve("img/a.png"));
        Files.createSymbolicLink(dir.resolve("up"), root);
        Files.createSymbolicLink(dir.resolve("dangling.png"), dir.resolve("nothing.png"));

        assertThat(LessonFiles.find(dir, "img/a.png")).isEqualTo(new LessonFiles.Found(dir.resolve("img/a.png").toRealPath()));
        assertThat(LessonFiles.find(dir, "./img/../img/a.png")).isInstanceOf(LessonFiles.Found.class);
        assertThat(LessonFiles.find(dir, "in.png")).as("a link that stays inside").isInstanceOf(LessonFiles.Found.class);
        assertThat(why(dir, "http://example.org/a.png")).contains("URL");
        assertThat(why(dir, "HTTPS://example.org/a.png")).contains("URL");
        assertThat(why(dir, "file:///etc/passwd")).contains("URL");
        assertThat(why(dir, "//example.org/a.png")).contains("URL");
        assertThat(why(dir, "data:image/png;base64,AAAA")).contains("URL");
        assertThat(why(dir, "/etc/passwd")).contains("absolute");
        assertThat(why(dir, "../outside.png")).contains("leaves");
        assertThat(why(dir, "img/../../outside.png")).contains("leaves");
        assertThat(why(dir, "out.png")).contains("link that leads out");
        assertThat(why(dir, "up/outside.png")).contains("link that leads out");
        assertThat(why(dir, "dangling.png")).contains("link to nothing");
        assertThat(why(dir, "nope.png")).contains("missing");
        assertThat(why(dir, "img")).contains("not a file");
        assertThat(why(dir, ".")).contains("leaves");
        assertThat(why(dir, " ")).contains("not a file name");
    }

    private static String why(Path dir, String name) {
        LessonFiles.Lookup l = LessonFiles.find(dir, name);
        assertThat(l).as(name).isInstanceOf(LessonFiles.Refused.class);
        return ((LessonFiles.Refused) l).why();
    }
}
