package org.processlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/**
 * The house's layers, whole: {@code model ← run ← lesson / store / export ← compare ← ui ← app} (and
 * {@code lesson / export ← cli ← app}), each layer naming every
 * layer it may use, nothing importing upwards; the core never touches JavaFX; inside {@code ui}, the shared FX
 * infrastructure ({@code ui.fx}) and the views' own packages never reach into the window's assembly
 * ({@code ui.shell}), the timeline's skin is reached only through its control, and no two rooms of the window
 * need each other. {@code src/ARCHITECTURE.md} draws the same picture.
 */
@AnalyzeClasses(packages = "org.processlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** Every package these rules name, so a renamed package cannot leave a rule that checks nothing. */
    static final List<String> PACKAGES = List.of("model", "run", "lesson", "store", "export", "compare", "cli", "app", "ui",
            "ui/fx", "ui/timeline", "ui/timeline/impl", "ui/processes", "ui/console", "ui/lesson", "ui/theme", "ui/shell",
            "ui/shell/presenter", "ui/shell/keys");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("org.processlab.model..")
            .layer("run").definedBy("org.processlab.run..")
            .layer("lesson").definedBy("org.processlab.lesson..")
            .layer("store").definedBy("org.processlab.store..")
            .layer("export").definedBy("org.processlab.export..")
            .layer("compare").definedBy("org.processlab.compare..")
            .layer("cli").definedBy("org.processlab.cli..")
            .layer("ui").definedBy("org.processlab.ui..")
            .layer("app").definedBy("org.processlab.app..")
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("run").mayOnlyAccessLayers("model")
            .whereLayer("lesson").mayOnlyAccessLayers("model", "run")
            .whereLayer("store").mayOnlyAccessLayers("model")
            .whereLayer("export").mayOnlyAccessLayers("model")
            .whereLayer("compare").mayOnlyAccessLayers("model", "export")
            .whereLayer("cli").mayOnlyAccessLayers("model", "run", "lesson", "export")
            .whereLayer("ui").mayOnlyAccessLayers("model", "run", "lesson", "store", "export", "compare")
            .whereLayer("app").mayOnlyAccessLayers("model", "run", "lesson", "store", "cli", "ui")
            .whereLayer("compare").mayOnlyBeAccessedByLayers("ui")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("app").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.processlab.model..", "org.processlab.run..", "org.processlab.lesson..",
                    "org.processlab.store..", "org.processlab.cli..", "org.processlab.export..",
                    "org.processlab.compare..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.fxmisc..", "org.kordamp..");

    /** Shared FX infrastructure (frames, palette, executor) knows no view. */
    @ArchTest
    static final ArchRule fxKnowsNoView = noClasses()
            .that().resideInAPackage("org.processlab.ui.fx..")
            .should().dependOnClassesThat().resideInAnyPackage("org.processlab.ui.timeline..",
                    "org.processlab.ui.processes..", "org.processlab.ui.console..", "org.processlab.ui.lesson..",
                    "org.processlab.ui.shell..");

    /** A theme is colours and stylesheets over the whole window: it knows the palette and the settings, no view. */
    @ArchTest
    static final ArchRule themesKnowNoView = noClasses()
            .that().resideInAPackage("org.processlab.ui.theme..")
            .should().dependOnClassesThat().resideInAnyPackage("org.processlab.ui.timeline..",
                    "org.processlab.ui.processes..", "org.processlab.ui.console..", "org.processlab.ui.lesson..",
                    "org.processlab.ui.shell..");

    /** The views (timeline, table, console, lesson page) are parts; only the window assembles them. */
    @ArchTest
    static final ArchRule viewsDoNotKnowTheWindow = noClasses()
            .that().resideInAnyPackage("org.processlab.ui.fx..", "org.processlab.ui.timeline..",
                    "org.processlab.ui.processes..", "org.processlab.ui.console..", "org.processlab.ui.lesson..",
                    "org.processlab.ui.theme..")
            .should().dependOnClassesThat().resideInAPackage("org.processlab.ui.shell..");

    /** The run views draw runs; they know nothing of lessons. */
    @ArchTest
    static final ArchRule runViewsKnowNoLesson = noClasses()
            .that().resideInAnyPackage("org.processlab.ui.timeline..", "org.processlab.ui.processes..",
                    "org.processlab.ui.console..")
            .should().dependOnClassesThat().resideInAnyPackage("org.processlab.lesson..",
                    "org.processlab.ui.lesson..", "org.processlab.store..");

    /** The timeline's skin, behaviour and painters are not API: only the control reaches them. */
    @ArchTest
    static final ArchRule timelineImplOnlyThroughItsControl = noClasses()
            .that().resideOutsideOfPackages("org.processlab.ui.timeline..")
            .should().dependOnClassesThat().resideInAPackage("org.processlab.ui.timeline.impl..");

    /** No two views, and no two rooms of the window, need each other. */
    @ArchTest
    static final ArchRule uiPackagesFreeOfCycles = slices().matching("org.processlab.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule windowRoomsFreeOfCycles = slices().matching("org.processlab.ui.shell.(*)..")
            .should().beFreeOfCycles();

    /** A room of the window never reaches back into the assembly above it. */
    @ArchTest
    static final ArchRule roomsDoNotKnowTheAssembly = noClasses()
            .that().resideInAPackage("org.processlab.ui.shell.*..")
            .should().dependOnClassesThat().resideInAPackage("org.processlab.ui.shell");

    @Test
    void everyPackageNamedHereExists() {
        Path root = Path.of(System.getProperty("processlab.repo", ".")).resolve("src/main/java/org/processlab");
        assertThat(PACKAGES).allSatisfy(p -> assertThat(root.resolve(p)).as("package %s", p).isDirectory());
        try (Stream<Path> dirs = Files.walk(root, 1)) {
            assertThat(dirs.filter(Files::isDirectory).filter(d -> !d.equals(root))
                    .map(d -> d.getFileName().toString()))
                    .as("every top-level package is a layer of these rules")
                    .allSatisfy(p -> assertThat(PACKAGES).contains(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
