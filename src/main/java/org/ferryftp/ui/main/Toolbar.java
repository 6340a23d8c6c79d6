package org.ferryftp.ui.main;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.ferryftp.ui.Messages;
import org.ferryftp.ui.Styles;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.InputStream;

/** The window's toolbar: site manager, layout toggles, refresh, disconnect, transfer, theme. */
final class Toolbar {

    private final HBox box;
    private final java.util.List<javafx.scene.control.Labeled> labelled;
    private double fullWidth;
    private boolean compact;

    Toolbar(Messages msg, MainWindow window, Theme theme) {
        Label title = new Label(msg.get("app.title"));
        title.getStyleClass().add("ferry-title");
        InputStream png = Toolbar.class.getResourceAsStream("/org/ferryftp/icons/ferry-32.png");
        if (png != null) {
            ImageView logo = new ImageView(new Image(png, 24, 24, true, true));
            title.setGraphic(logo);
        }
        Button sites = button("tool-sites", MaterialDesignS.SERVER_NETWORK, msg.get("tool.sites"),
                window::openSiteManager);
        Button log = button("tool-log", MaterialDesignT.TEXT_BOX_OUTLINE, msg.get("tool.log"), window::toggleLog);
        Button queue = button("tool-transfers", MaterialDesignT.TRANSFER, msg.get("tool.transfers"),
                window::toggleTransfers);
        Button refresh = button("tool-refresh", MaterialDesignR.REFRESH, msg.get("tool.refresh"), window::refreshBoth);
        Button transfer = button("tool-transfer", MaterialDesignT.TRANSFER_RIGHT, msg.get("tool.transfer"),
                window::transferFromActive);
        Button disconnect = button("tool-disconnect", MaterialDesignL.LAN_DISCONNECT, msg.get("tool.disconnect"),
                window::disconnectActive);
        Button dark = button("tool-theme", MaterialDesignT.THEME_LIGHT_DARK, msg.get("tool.theme"), theme::toggle);
        Button prefs = button("tool-preferences", MaterialDesignC.COG_OUTLINE, msg.get("tool.preferences"),
                window::openPreferences);
        javafx.scene.control.MenuButton bookmarks = new javafx.scene.control.MenuButton(msg.get("tool.bookmarks"),
                new FontIcon(MaterialDesignB.BOOKMARK_OUTLINE));
        bookmarks.setId("tool-bookmarks");
        bookmarks.getStyleClass().add("flat");
        bookmarks.setTooltip(new Tooltip(msg.get("tool.bookmarks").replace("_", "")));
        bookmarks.setFocusTraversable(false);
        bookmarks.setOnShowing(e -> bookmarks.getItems().setAll(window.bookmarksMenu().items()));
        bookmarks.getItems().setAll(window.bookmarksMenu().items()); // a menu button with no items never opens
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(6, title, new Region(), sites, log, queue, refresh, transfer, disconnect, bookmarks, spacer,
                prefs, dark);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(Styles.TOOLBAR);
        labelled = java.util.List.of(title, sites, log, queue, refresh, transfer, disconnect, bookmarks, prefs, dark);
        // Too narrow for every label (1024x768): icons only, the tooltips still say what each does.
        box.widthProperty().addListener((o, was, width) -> fit());
    }

    private void fit() {
        if (!compact) {
            fullWidth = box.prefWidth(-1);
        }
        boolean narrow = box.getWidth() < fullWidth;
        if (narrow != compact) {
            compact = narrow;
            for (javafx.scene.control.Labeled l : labelled) {
                l.setContentDisplay(narrow ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                        : javafx.scene.control.ContentDisplay.LEFT);
            }
        }
    }

    HBox node() {
        return box;
    }

    private static Button button(String id, Ikon icon, String text, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("flat");
        b.setMnemonicParsing(true);
        b.setTooltip(new Tooltip(text.replace("_", "")));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
