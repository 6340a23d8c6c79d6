package org.ferryftp.ui.sites;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;

/** A two-column form (label, control) with the helpers the site form's tabs share. */
final class FormGrid {

    /** The key under which a row's control keeps its label, so both can be hidden together. */
    private static final String LABEL = "ferry.form.label";

    private final Messages msg;
    private final GridPane grid = new GridPane();
    private int row;

    FormGrid(Messages msg) {
        this.msg = msg;
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(14, 16, 14, 16));
        grid.getStyleClass().add(Styles.SITE_FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    GridPane node() {
        return grid;
    }

    /** Adds a labelled row; {@code tipKey} (may be null) becomes a tooltip on label and control. */
    <T extends Node> T row(String labelKey, T control, String tipKey) {
        Label label = new Label(msg.get(labelKey));
        label.setMinWidth(Label.USE_PREF_SIZE);
        if (control instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
            c.setMaxWidth(Double.MAX_VALUE);
        }
        if (tipKey != null) {
            Tooltip tip = new Tooltip(msg.get(tipKey));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(300));
            label.setTooltip(tip);
            if (control instanceof javafx.scene.control.Control c) {
                c.setTooltip(tip);
            }
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        control.getProperties().put(LABEL, label);
        row++;
        return control;
    }

    /** A control spanning both columns (check boxes, lists). */
    <T extends Node> T wide(T control, String tipKey) {
        if (tipKey != null && control instanceof javafx.scene.control.Control c) {
            Tooltip tip = new Tooltip(msg.get(tipKey));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            c.setTooltip(tip);
        }
        grid.add(control, 1, row++);
        return control;
    }

    TextField text(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    CheckBox check(String id, String textKey, BooleanProperty value) {
        CheckBox c = new CheckBox(msg.get(textKey));
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    /** A choice of enum constants, shown through the bundle as {@code prefix.NAME}. */
    <E extends Enum<E>> ComboBox<E> choice(String id, E[] values, String prefix, ObjectProperty<E> value) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : msg.get(prefix + "." + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** Shows the rows of {@code nodes} (control and label) only while {@code condition} holds; hidden rows take no room. */
    static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            for (Node part : new Node[] {n, (Node) n.getProperties().get(LABEL)}) {
                if (part != null) {
                    part.visibleProperty().bind(condition);
                    part.managedProperty().bind(condition);
                }
            }
        }
    }

    static void enableWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            n.disableProperty().bind(javafx.beans.binding.Bindings.not(condition));
        }
    }
}
