package org.processlab.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
 * injected {@code FrameSource}. The arithmetic ({@code *Heights}, {@code ListShare}) uses no JavaFX at all.
 */
@AnalyzeClasses(packages = "org.processlab.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ToolkitFreeViewModelsTest {
    /** What needs the toolkit (a running FX thread, a scene graph, a pulse). */
    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> TOOLKIT =
            resideInAnyPackage("javafx.application..", "javafx.animation..", "javafx.stage..",
                    "javafx.scene.control..", "javafx.scene.layout..", "javafx.scene.canvas..",
                    "javafx.scene.input..", "javafx.scene.text..", "javafx.embed..")
                    .or(resideInAPackage("javafx.scene"))
                    .or(JavaClass.Predicates.equivalentTo(ModelPulse.class))
                    .as("the JavaFX toolkit (nodes, controls, the FX thread, animations, stages, ModelPulse)");

    /** The replay's timer is made on its first play, which a test of the others never calls. */
    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("ViewsModel")
            .or().haveSimpleName("TextSize").or().haveSimpleName("LessonListVisibility")
            .and().doNotHaveFullyQualifiedName(ReplayViewModel.class.getName())
            .should().dependOnClassesThat(TOOLKIT);

    @ArchTest
    static final ArchRule theWindowsArithmeticIsPlainJava = noClasses()
            .that().haveSimpleNameEndingWith("Heights").or().haveSimpleName("ListShare")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}
