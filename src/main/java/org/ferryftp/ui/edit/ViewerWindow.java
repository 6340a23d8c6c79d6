package org.ferryftp.ui.edit;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferryftp.fs.TextPages;
import org.ferryftp.ui.Messages;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The quick viewer: images as images (scaled down to fit, loaded in the background), anything else as text a
 * page at a time with a charset choice. Keys: Ctrl+PageDown/PageUp next and previous page, Ctrl+Home/End first and
 * last, Escape closes.
 */
public final class ViewerWindow implements FileViewer {

    static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1252"), StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private final Supplier<Window> owner;
    private final Messages msg;
    private final int pageBytes;

    public ViewerWindow(Supplier<Window> owner, Messages msg) {
        this(owner, msg, TextPages.DEFAULT_PAGE_BYTES);
    }

    public ViewerWindow(Supplier<Window> owner, Messages msg, int pageBytes) {
        this.owner = owner;
        this.msg = msg;
        this.pageBytes = pageBytes;
    }

    @Override
    public void show(Path file, String title) {
        Stage stage = new Stage();
        stage.initOwner(owner.get());
        stage.setTitle(msg.format("viewer.title", title));
        Node content;
        try {
            content = isImage(file) ? image(file) : text(file);
        } catch (IOException e) {
            content = new Label(msg.format("viewer.readFailed", e.getMessage()));
        }
        BorderPane root = new BorderPane(content);
        root.setId("viewer");
        Scene scene = new Scene(root, 900, 650);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private Node image(Path file) {
        Image image = new Image(file.toUri().toString(), true);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setId("viewer-image");
        // Centred in the window; a larger image scrolls.
        ScrollPane scroll = new ScrollPane(new javafx.scene.layout.StackPane(view));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Label broken = new Label(msg.get("viewer.notAnImage"));
        broken.setId("viewer-error");
        broken.visibleProperty().bind(image.errorProperty());
        // Fit to the window; a small image keeps its size.
        view.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(scroll.getViewportBounds().getWidth(), view.getImage().getWidth()),
                scroll.viewportBoundsProperty(), view.getImage().widthProperty()));
        scroll.setPannable(true);
        return new javafx.scene.layout.StackPane(scroll, broken);
    }

    private Node text(Path file) throws IOException {
        ViewerViewModel vm = new ViewerViewModel(file, pageBytes, StandardCharsets.UTF_8, msg);
        TextArea area = new TextArea();
        area.setId("viewer-text");
        area.setEditable(false);
        // Long lines wrap: TextArea clipped them at the window's edge with no horizontal scroll bar.
        area.setWrapText(true);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bind(vm.textProperty());

        ComboBox<Charset> charsets = new ComboBox<>(FXCollections.observableArrayList(CHARSETS));
        charsets.setId("viewer-charset");
        charsets.valueProperty().bindBidirectional(vm.charsetProperty());
        Label charsetLabel = new Label(msg.get("viewer.charset"));
        charsetLabel.setLabelFor(charsets);
        charsetLabel.setMnemonicParsing(true);

        Button first = button("viewer-first", "viewer.first", vm::first);
        Button previous = button("viewer-previous", "viewer.previous", vm::previous);
        Button next = button("viewer-next", "viewer.next", vm::next);
        Button last = button("viewer-last", "viewer.last", vm::last);
        first.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        previous.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        next.disableProperty().bind(vm.pageProperty().isEqualTo(vm.pageCount() - 1));
        last.disableProperty().bind(vm.pageProperty().isEqualTo(vm.pageCount() - 1));
        Label position = new Label();
        position.setId("viewer-position");
        position.textProperty().bind(vm.positionProperty());
        Label error = new Label();
        error.setId("viewer-error");
        error.textProperty().bind(vm.errorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, charsetLabel, charsets, error, spacer, first, previous, position, next, last);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        BorderPane pane = new BorderPane(area);
        pane.setTop(bar);
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            Runnable action = switch (e.getCode()) {
                case PAGE_DOWN -> vm::next;
                case PAGE_UP -> vm::previous;
                case HOME -> vm::first;
                case END -> vm::last;
                default -> null;
            };
            if (action != null) {
                e.consume();
                action.run();
            }
        });
        return pane;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(msg.get(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
