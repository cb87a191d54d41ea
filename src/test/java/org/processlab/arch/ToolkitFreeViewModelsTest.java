package org.processlab.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.processlab.ui.fx.ModelPulse;
import org.processlab.ui.shell.views.ReplayViewModel;

/**
 * View models and the window's arithmetic need no JavaFX toolkit, so their tests run without a window: they may use
 * JavaFX's properties and collections (and colours and images as values), never a node, a control, the FX thread, an
 * animation or a stage. Their slow work goes through an injected {@code TaskExecutor}, their frames come from an
 * injected {@code FrameSource}. The arithmetic ({@code *Heights}, {@code ListShare}) and a person's stored data use no
 * JavaFX at all.
 */
@AnalyzeClasses(packages = "org.processlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ToolkitFreeViewModelsTest {
    /** What needs the toolkit (a running FX thread, a scene graph, a pulse). */
    private static final DescribedPredicate<JavaClass> TOOLKIT =
            resideInAnyPackage("javafx.application..", "javafx.animation..", "javafx.stage..",
                    "javafx.scene.control..", "javafx.scene.layout..", "javafx.scene.canvas..",
                    "javafx.scene.input..", "javafx.scene.text..", "javafx.embed..")
                    .or(resideInAPackage("javafx.scene"))
                    .or(equivalentTo(ModelPulse.class))
                    .as("the JavaFX toolkit (nodes, controls, the FX thread, animations, stages, ModelPulse)");

    /** The window's view models; the replay's is left out: its timer is made on its first play. */
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = resideInAPackage("org.processlab.ui..")
            .and(simpleNameEndingWith("ViewModel").or(simpleNameEndingWith("ViewsModel"))
                    .or(simpleName("LessonListVisibility")).or(simpleName("ThemeChoice")))
            .and(not(equivalentTo(ReplayViewModel.class)))
            .as("the window's view models");

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses().that(VIEW_MODELS)
            .should().dependOnClassesThat(TOOLKIT);

    @ArchTest
    static final ArchRule theWindowsArithmeticIsPlainJava = noClasses()
            .that(resideInAPackage("org.processlab.ui..")
                    .and(simpleNameEndingWith("Heights").or(simpleName("ListShare")).or(simpleName("ScaleLimits"))
                            .or(simpleName("IconSizes")).or(simpleName("ColumnFit"))).as("the window's arithmetic"))
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** The window's table of shortcuts, its focus rule and the cursor's event steps are plain Java, tested so. */
    @ArchTest
    static final ArchRule theKeysTableIsPlainJava = noClasses()
            .that(resideInAPackage("org.processlab.ui.shell.keys")
                    .and(simpleName("Shortcut").or(simpleName("Key")).or(simpleName("Chord")).or(simpleName("Focus"))
                            .or(simpleName("EventTimes")).or(simpleName("Group")))
                    .as("the keys table"))
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** A person's data (progress, run logs, the home folder) is kept without JavaFX and without the window. */
    @ArchTest
    static final ArchRule theStoreIsPlainJava = noClasses()
            .that().resideInAPackage("org.processlab.store..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.processlab.ui..",
                    "org.processlab.app..", "org.processlab.cli..");
}
