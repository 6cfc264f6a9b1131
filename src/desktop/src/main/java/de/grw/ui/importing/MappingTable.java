package de.grw.ui.importing;

import de.grw.importing.ColumnQuality;
import de.grw.ui.common.I18n;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The mapping table: column, target (a list to choose from), reason and quality profile. */
final class MappingTable {
    private MappingTable() {
    }

    static TableView<ColumnRow> build(ImportViewModel vm, I18n t) {
        TableView<ColumnRow> table = new TableView<>(vm.columns());
        table.setId("import-mapping");
        table.setPlaceholder(new Label(t.get("import.noPreview")));
        TableColumn<ColumnRow, String> name = new TableColumn<>(t.get("import.col.column"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        TableColumn<ColumnRow, TargetOption> target = new TableColumn<>(t.get("import.col.target"));
        target.setCellValueFactory(c -> c.getValue().targetProperty());
        target.setCellFactory(c -> new TargetCell(vm));
        target.setPrefWidth(280);
        TableColumn<ColumnRow, String> reason = new TableColumn<>(t.get("import.col.reason"));
        reason.setCellValueFactory(c -> c.getValue().reasonProperty());
        reason.setPrefWidth(260);
        TableColumn<ColumnRow, String> filled = quality(t.get("import.col.filled"), 80, q ->
                String.format(t.locale(), "%.0f %%", q.filledShare() * 100));
        TableColumn<ColumnRow, String> invalid = quality(t.get("import.col.invalid"), 95, q ->
                Integer.toString(q.invalid()));
        invalid.setCellFactory(c -> new InvalidCell(t));
        TableColumn<ColumnRow, String> top = quality(t.get("import.col.top"), 340, q -> q.top().stream()
                .map(v -> t.get("import.valueCount", v.value(), v.count())).collect(Collectors.joining(" · ")));
        table.getColumns().setAll(List.of(name, target, reason, filled, invalid, top));
        for (TableColumn<ColumnRow, ?> c : table.getColumns()) {
            c.setSortable(false);
        }
        return table;
    }

    private static TableColumn<ColumnRow, String> quality(String title, double width,
                                                        Function<ColumnQuality, String> f) {
        TableColumn<ColumnRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> {
            ColumnQuality q = cell.getValue().quality();
            return q == null ? "" : f.apply(q);
        }, cell.getValue().qualityProperty()));
        c.setPrefWidth(width);
        return c;
    }

    /** Shows the chosen target as a list to choose from, bound to the row. */
    private static final class TargetCell extends TableCell<ColumnRow, TargetOption> {
        private final ComboBox<TargetOption> box;
        private ColumnRow bound;

        TargetCell(ImportViewModel vm) {
            box = new ComboBox<>(vm.targetOptions());
            box.setVisibleRowCount(14);
            box.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(TargetOption item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound.targetProperty());
                bound = null;
            }
            if (empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size()) {
                setGraphic(null);
                return;
            }
            bound = getTableView().getItems().get(getIndex());
            box.setId("import-target-" + bound.index());
            box.valueProperty().bindBidirectional(bound.targetProperty());
            setGraphic(box);
        }
    }

    /** The number of invalid values, highlighted when there are any, with examples in the tooltip. */
    private static final class InvalidCell extends TableCell<ColumnRow, String> {
        private final I18n t;

        InvalidCell(I18n t) {
            this.t = t;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("invalid-values");
            setTooltip(null);
            if (empty || item == null || getIndex() < 0 || getIndex() >= getTableView().getItems().size()) {
                setText(null);
                return;
            }
            setText(item);
            ColumnQuality q = getTableView().getItems().get(getIndex()).quality();
            if (q != null && q.invalid() > 0) {
                getStyleClass().add("invalid-values");
                setTooltip(new Tooltip(t.get("import.invalidExamples", String.join(" · ", q.invalidExamples()))));
            }
        }
    }
}
