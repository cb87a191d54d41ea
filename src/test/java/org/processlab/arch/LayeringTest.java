package org.processlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core (lessons, run engine, model, CLI, export) never touches JavaFX, so the CLI and tests use the window's model. */
@AnalyzeClasses(packages = "org.processlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.processlab.model..", "org.processlab.run..", "org.processlab.lesson..",
                    "org.processlab.cli..", "org.processlab.export..", "org.processlab.mp..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.fxmisc..", "org.kordamp..", "org.processlab.ui..", "org.processlab.app..");

    @ArchTest
    static final ArchRule modelDependsOnNothingElseOfOurs = noClasses()
            .that().resideInAPackage("org.processlab.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.processlab.run..", "org.processlab.lesson..",
                    "org.processlab.cli..", "org.processlab.export..");
}
