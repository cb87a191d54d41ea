package org.processlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.processlab.ui.fx.CappedScrollPane;
import org.processlab.ui.lesson.PredictionView;
import org.processlab.ui.shell.views.RunSideHeights;
import org.processlab.ui.shell.views.RunViewsPane;

/**
 * The window's right side, top to bottom: the run toolbar, the error banner, the prediction card (the question before
 * a run, a reminder of the answer, the reveal after it) and the run views. The toolbar comes first so that Run and
 * Stop stay where they are whatever the card shows: a student's hand (or eye, on a projector) finds them in one place
 * before and after every run (with the card above it, Run moved by the card's height each time the reveal came). The
 * card scrolls within the height it may take ({@link RunSideHeights#cardCap}), so that the views keep their good height
 * where they can (three lanes, four table rows, five console lines) and their least height always.
 *
 * <p>Threading: FX thread only.
 */
final class RunSide extends VBox {

    /**
     * @param prediction   the prediction card
     * @param reveal       the reveal the card shows after a run; null before (the card shows the question)
     * @param banner       the error banner (it counts while it is managed)
     * @param toolbar      the run toolbar
     * @param views        the run views
     * @param em           the text size, px
     * @param presenter    true in presenter mode (the card may take more: {@link RunSideHeights#presenterCardCap})
     */
    RunSide(PredictionView prediction, ObservableObjectValue<?> reveal, Region banner, Region toolbar,
            RunViewsPane views, ObservableDoubleValue em, ObservableBooleanValue presenter) {
        CappedScrollPane card = new CappedScrollPane(prediction);
        card.getStyleClass().add("prediction-scroll");
        card.visibleProperty().bind(prediction.visibleProperty());
        card.managedProperty().bind(prediction.managedProperty());
        getChildren().setAll(toolbar, banner, card, views);
        card.capProperty().bind(Bindings.createDoubleBinding(() -> {
            double above = toolbar.getHeight() + (banner.isManaged() ? banner.getHeight() : 0);
            boolean revealShown = reveal.get() != null;
            if (presenter.get()) {
                return RunSideHeights.presenterCardCap(getHeight(), em.get(), above, revealShown);
            }
            // the views' heights count only after a run (the question comes while they are empty)
            return RunSideHeights.cardCap(getHeight(), em.get(), above, revealShown,
                    revealShown ? views.leastHeightProperty().get() : 0,
                    revealShown ? views.goodHeightProperty().get() : 0);
        }, heightProperty(), toolbar.heightProperty(), banner.heightProperty(), banner.managedProperty(),
                reveal, em, views.leastHeightProperty(), views.goodHeightProperty(), presenter));
        getStyleClass().add("run-side");
        VBox.setVgrow(views, Priority.ALWAYS);
    }
}
